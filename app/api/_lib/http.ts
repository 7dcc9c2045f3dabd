import { errorResponse } from "@/server/api/errors";
import { allows, ROUTE_ACCESS, type RoutePath } from "@/server/api/permissions";
import { sessionUserFromHeaders } from "@/server/auth";
import type { SessionUser } from "@/server/domain/actor";
import { NotSignedInError, PermissionError, ROLE_REFUSAL } from "@/server/domain/errors";
import { isWithin } from "@/server/domain/regions";

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

/** RFC 5987 filename so Chinese names survive every browser; the ASCII name is for those that predate it. */
export function attachment(fileName: string, asciiFallback = "ledger.xlsx") {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Service errors as Chinese JSON responses (server/api/errors.ts); anything else is logged and answered 500. */
export async function withServiceErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}

/** A multipart body, or the error response: one announced larger than `maxBytes` is refused before it is read. */
export async function readMultipart(
  request: Request,
  limit: { maxBytes: number; tooLarge: string; malformed?: string },
): Promise<FormData | Response> {
  if (Number(request.headers.get("content-length") ?? 0) > limit.maxBytes) return jsonError(413, limit.tooLarge);
  try {
    return await request.formData();
  } catch {
    return jsonError(400, limit.malformed ?? "请求格式有误");
  }
}

/** The 403 response when `regionCode` lies outside the user's jurisdiction, else null. */
export function outsideJurisdiction(user: SessionUser, regionCode: string): Response | null {
  return isWithin(regionCode, user.regionCode) ? null : jsonError(403, `区划 ${regionCode} 不在您的管辖范围内`);
}

/** An xlsx download; a stream is passed through, a buffer sent whole. */
export function xlsxResponse(body: Uint8Array | ArrayBuffer | ReadableStream, fileName: string) {
  return new Response(body instanceof ReadableStream ? body : new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": attachment(fileName),
    },
  });
}
