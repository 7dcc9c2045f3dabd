import { errorResponse } from "@/server/api/errors";
import { allows, ROUTE_ACCESS, type RoutePath } from "@/server/api/permissions";
import { sessionUserFromHeaders } from "@/server/auth";
import type { SessionUser } from "@/server/domain/actor";
import { NotSignedInError, PermissionError, ROLE_REFUSAL } from "@/server/domain/errors";

export function jsonError(status: number, message: string) {
  return Response.json({ error: message }, { status });
}

/** The signed-in user if the access table lets their role use `route`, else the error response. */
export async function requireUser(request: Request, route: RoutePath): Promise<SessionUser | Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return errorResponse(new NotSignedInError());
  if (!allows(ROUTE_ACCESS[route], user.role)) return errorResponse(new PermissionError(ROLE_REFUSAL, "role"));
  return user;
}

/** RFC 5987 filename so Chinese names survive every browser. */
export function attachment(fileName: string) {
  return `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Service errors as Chinese JSON responses (server/api/errors.ts); anything else is logged and answered 500. */
export async function withServiceErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}
