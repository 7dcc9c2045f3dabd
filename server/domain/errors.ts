// The errors every layer throws. Each carries its code, so the tRPC middleware and
// the REST routes map them the same way (server/api/errors.ts), and a caller tells
// a role refusal from a jurisdiction refusal by `reason`, not by message text.
// Messages are Chinese and shown to the user as they are.

export type ErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "TOO_MANY_REQUESTS";

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

/** A problem with what the user gave. */
export class UserInputError extends DomainError {
  override name = "UserInputError";
  readonly code = "BAD_REQUEST";
}

export class NotSignedInError extends DomainError {
  override name = "NotSignedInError";
  readonly code = "UNAUTHORIZED";
  constructor(message = "请先登录") {
    super(message);
  }
}

/** Refused because of the user's role (the access table) or because the object lies outside their jurisdiction. */
export type RefusalReason = "role" | "jurisdiction";

export class PermissionError extends DomainError {
  override name = "PermissionError";
  readonly code = "FORBIDDEN";
  constructor(
    message: string,
    readonly reason: RefusalReason = "jurisdiction",
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  readonly code = "NOT_FOUND";
}

export class RateLimitError extends DomainError {
  override name = "RateLimitError";
  readonly code = "TOO_MANY_REQUESTS";
}

export const ROLE_REFUSAL = "当前角色无权执行此操作";
