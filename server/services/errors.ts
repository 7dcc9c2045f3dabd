// The domain's errors, re-exported where services have always imported them.
export { NotFoundError, PermissionError, RateLimitError, UserInputError } from "../domain/errors";
