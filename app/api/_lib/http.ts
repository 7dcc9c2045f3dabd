import { NotFoundError, PermissionError, UserInputError } from "@/server/services/errors";
import { sessionUserFromHeaders, type SessionUser } from "@/server/auth";
import type { Role } from "@/server/domain/roles";

export function jsonError(status: number, message: string) {
  return Response.json({ error: message }, { status });
}

/** The signed-in user if their role is allowed, else an error response. */
export async function requireUser(request: Request, roles?: Role[]): Promise<SessionUser | Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return jsonError(401, "请先登录");
  if (roles && !roles.includes(user.role)) return jsonError(403, "当前角色无权执行此操作");
  return user;
}

/** RFC 5987 filename so Chinese names survive every browser. */
export function attachment(fileName: string) {
  return `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Service errors as Chinese JSON responses; anything else is logged and answered 500. */
export async function withServiceErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) return jsonError(404, error.message);
    if (error instanceof PermissionError) return jsonError(403, error.message);
    if (error instanceof UserInputError) return jsonError(400, error.message);
    console.error(error);
    return jsonError(500, "服务器内部错误，请稍后重试");
  }
}
