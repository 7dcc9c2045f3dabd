// Guards the Node HTTP server applies before Next, socket.io or the health check
// see a request: body size counted while streaming, socket origins, and headers.
import type { IncomingMessage, ServerResponse } from "node:http";

const MB = 1024 * 1024;

/** Largest body each route accepts; multipart adds its boundaries and fields on top of the file. */
export function bodyLimitFor(path: string): number {
  if (path.startsWith("/api/ledger/import")) return 50 * MB + MB;
  if (path.startsWith("/api/direct-report")) return 5 * MB + 200 * 1024;
  if (path.startsWith("/api/auth")) return 64 * 1024;
  return MB + 64 * 1024; // tRPC batches and every other route
}

/**
 * Counts the bytes of the body as the HTTP parser hands them over, whatever
 * Content-Length says (or when it is absent: chunked), and cuts the request at
 * the limit, before any handler has buffered it whole.
 */
export function enforceBodyLimit(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    refuse(req, res, limit);
    return false;
  }
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > limit) {
        refuse(req, res, limit);
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}

function refuse(req: IncomingMessage, res: ServerResponse, limit: number) {
  if (!res.headersSent) {
    res.writeHead(413, {
      "content-type": "application/json; charset=utf-8",
      connection: "close",
      ...API_SECURITY_HEADERS,
    });
    res.end(JSON.stringify({ error: `提交内容过大：不能超过 ${Math.floor(limit / MB) || 1} MB` }));
  }
  // Stop reading: the rest of the body is never buffered.
  req.unpipe();
  req.pause();
  setImmediate(() => req.socket.destroy());
}

/** Headers for responses that Next does not produce (health check, socket.io). */
export const API_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cache-control": "no-store",
};

/** Origins a browser socket may come from: PUBLIC_URL, ALLOWED_ORIGINS (comma-separated), and the server's own address as the browser reached it. */
export function originAllowed(origin: string | undefined, host: string | undefined, env = process.env): boolean {
  // Non-browser clients send no Origin; they must present the session cookie themselves.
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  for (const url of [env.PUBLIC_URL, ...(env.ALLOWED_ORIGINS ?? "").split(",")]) {
    try {
      if (url?.trim()) allowed.add(new URL(url.trim()).origin);
    } catch {
      // an invalid configured origin allows nothing
    }
  }
  if (allowed.has(parsed.origin)) return true;
  // Same origin as the page that served it: scheme-less Host must match host AND port (another port is another origin).
  return Boolean(host) && parsed.host === host;
}
