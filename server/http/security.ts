// Request hardening shared by the route handlers: same-origin writes and body limits.

/**
 * A state-changing request must come from this site: browsers send Origin on
 * cross-site POSTs (a form or fetch from elsewhere), so a foreign Origin is refused.
 * Requests without Origin (curl, server-to-server) carry no ambient cookies from a browser.
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") return true;
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function crossSiteResponse(): Response {
  return Response.json({ error: "拒绝跨站请求：请从本系统页面操作" }, { status: 403 });
}

export function tooLarge(request: Request, maxBytes: number): boolean {
  return Number(request.headers.get("content-length") ?? 0) > maxBytes;
}
