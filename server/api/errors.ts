// One mapping from domain errors to tRPC codes and HTTP statuses, for the tRPC
// middleware and the REST routes under app/api alike.
import { TRPCError } from "@trpc/server";
import { DomainError, type ErrorCode } from "../domain/errors";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
};

export const INTERNAL_MESSAGE = "服务器内部错误，请稍后重试或联系管理员";

/** The TRPCError a thrown value becomes, or null when it is not ours (an internal error). */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return error.cause instanceof DomainError ? toTRPCError(error.cause) : null;
  if (error instanceof DomainError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  return null;
}

/** An HTTP JSON error response for a thrown value; anything not ours is logged and answered 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError)
    return Response.json({ error: error.message, code: error.code }, { status: HTTP_STATUS[error.code] });
  console.error(error);
  return Response.json({ error: INTERNAL_MESSAGE, code: "INTERNAL_SERVER_ERROR" }, { status: 500 });
}
