// tRPC over HTTP, served by the custom server itself rather than through a Next route: Next's routing
// cost about 9 CPU ms a call (record.list 22 → 13 ms), and every page of the app makes several calls.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { crossSiteResponse, isCrossSite, tooLarge } from "../http/security";
import { API_SECURITY_HEADERS } from "../http/serverGuards";
import { appRouter } from "./root";
import { createContext } from "./trpc";

export const TRPC_ENDPOINT = "/api/trpc";
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BATCH_SIZE = 10;
const MIN_COMPRESSED_BYTES = 1024;
const gzipAsync = promisify(gzip);

/** The answer to one tRPC request (a call or a batch). */
export function trpcResponse(req: Request): Promise<Response> | Response {
  if (req.method === "POST" && isCrossSite(req)) return crossSiteResponse();
  if (tooLarge(req, MAX_BODY_BYTES)) return Response.json({ error: "请求内容过大（上限 1 MB）" }, { status: 413 });
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    // One request cannot queue unbounded work (e.g. twenty Monte Carlo rankings); the client link batches at most this many.
    maxBatchSize: MAX_BATCH_SIZE,
  });
}

export function isTrpcPath(path: string): boolean {
  return path.startsWith(`${TRPC_ENDPOINT}/`);
}

/** Serves a tRPC request from the Node server; the body limit is counted by the server's guard as it streams. */
export async function serveTrpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await trpcResponse(incomingMessageToRequest(req, res, { maxBodySize: MAX_BODY_BYTES }));
    let body = Buffer.from(await response.arrayBuffer());
    // Next compressed its routes' answers; phones on a county's mobile network need it (a page of 20 records is ~15 KB).
    const gzip = body.length > MIN_COMPRESSED_BYTES && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (gzip) body = await gzipAsync(body); // on libuv's pool, not the event loop
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie" && name !== "content-length") res.setHeader(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", "accept-encoding");
    res.setHeader("content-length", body.length);
    res.writeHead(response.status);
    res.end(body);
  } catch (error) {
    console.error("tRPC 请求处理失败", error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { ...API_SECURITY_HEADERS, "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: "服务器内部错误，请稍后重试" }));
  }
}
