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
