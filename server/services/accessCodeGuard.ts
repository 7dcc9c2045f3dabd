// Guessing access codes: 20 wrong codes per client address per 10 minutes, for
// every way a code is presented (opening the page and submitting a report).
// Only wrong codes count, so a village office behind one NAT address is not
// locked out by its own valid reports.
import { FailureWindow } from "../domain/rateLimit";
import { RateLimitError, UserInputError } from "./errors";

export class InvalidAccessCodeError extends UserInputError {
  constructor() {
    super("访问码无效或已停用，请向乡镇或民政部门核实");
  }
}

export class AccessCodeRateLimitedError extends RateLimitError {
  constructor() {
    super("访问码尝试次数过多，请10分钟后再试");
  }
}

const globalForGuard = globalThis as typeof globalThis & { __accessCodeFailures?: FailureWindow };
const failures = () => (globalForGuard.__accessCodeFailures ??= new FailureWindow(20, 10 * 60_000));

/** Runs `use` (which throws InvalidAccessCodeError for a wrong code) under the per-address guessing limit. */
export async function withAccessCodeGuard<T>(clientAddress: string, use: () => Promise<T>): Promise<T> {
  // Counted before the code is checked, so parallel guesses cannot all slip through.
  if (!failures().begin(clientAddress)) throw new AccessCodeRateLimitedError();
  try {
    const result = await use();
    failures().succeeded(clientAddress);
    return result;
  } catch (error) {
    if (!(error instanceof InvalidAccessCodeError)) failures().succeeded(clientAddress);
    throw error;
  }
}
