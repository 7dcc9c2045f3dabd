/** A problem with what the user gave; its message is Chinese and shown as is. */
export class UserInputError extends Error {
  override name = "UserInputError";
}

/** The user may not do this (role or jurisdiction). */
export class PermissionError extends Error {
  override name = "PermissionError";
}

export class NotFoundError extends Error {
  override name = "NotFoundError";
}
