// @providers: sqlite — HTTP framing around the same procedures; no SQL of its own
// tRPC served by the Node server itself (server/api/httpHandler.ts), not through a Next route: a call and
// a batch answer as before, with the API's security headers, and the request guards still hold.
import { createServer, get, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveTrpc } from "../api/httpHandler";
import { demoSessionCookie } from "./fixtures";
import { createSeededTestDb, useAsAppDb, useTestDb } from "./testDb";

const testDb = useTestDb(() => createSeededTestDb());
let server: Server;
let base: string;
let cookie: string;

beforeAll(async () => {
  useAsAppDb(testDb);
  cookie = await demoSessionCookie("monitor_kc");
  server = createServer((req, res) => void serveTrpc(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const query = (path: string, input: unknown) => `${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

it("answers a query with the caller's data and the API's security headers", async () => {
  const response = await fetch(`${base}/api/trpc/${query("record.list", { regionCode: "220103", pageSize: 5 })}`, {
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  const body = await response.json();
  expect(body.result.data.json.items).toHaveLength(5);
});

it("compresses an answer for a client that accepts gzip, and only then", async () => {
  const url = `${base}/api/trpc/${query("record.list", { regionCode: "220103", pageSize: 20 })}`;
  // fetch always asks for gzip and unpacks it; node:http shows what was sent.
  const raw = (encoding?: string) =>
    new Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      get(url, { headers: { cookie, ...(encoding ? { "accept-encoding": encoding } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
  const plain = await raw();
  expect(plain.headers["content-encoding"]).toBeUndefined();
  const packed = await raw("gzip, deflate, br");
  expect(packed.headers["content-encoding"]).toBe("gzip");
  expect(packed.bytes.length).toBeLessThan(plain.bytes.length / 2);
  expect(gunzipSync(packed.bytes).toString()).toBe(plain.bytes.toString());
});

it("refuses a call without a session, outside the caller's county, and with bad input, in Chinese", async () => {
  const anonymous = await fetch(`${base}/api/trpc/${query("record.list", { regionCode: "220103" })}`);
  expect(anonymous.status).toBe(401);
  expect((await anonymous.json()).error.json.message).toBe("请先登录");
  const foreign = await fetch(`${base}/api/trpc/${query("record.list", { regionCode: "220104" })}`, {
    headers: { cookie },
  });
  expect(foreign.status).toBe(403);
  const invalid = await fetch(`${base}/api/trpc/${query("record.list", { regionCode: "220103", pageSize: 500 })}`, {
    headers: { cookie },
  });
  expect(invalid.status).toBe(400);
  expect((await invalid.json()).error.json.message).toMatch(/[\u4e00-\u9fa5]/);
});

it("keeps the guards: batches of at most ten calls, no writes from another site, bodies up to 1 MB", async () => {
  const paths = Array.from({ length: 11 }, () => "session.me").join(",");
  const input = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i, { json: null }]));
  const batch = await fetch(`${base}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie },
  });
  expect(batch.status).toBeGreaterThanOrEqual(400);
  const crossSite = await fetch(`${base}/api/trpc/record.withdraw`, {
    method: "POST",
    headers: { cookie, origin: "http://evil.example", "content-type": "application/json" },
    body: JSON.stringify({ json: { id: "x", reason: "跨站" } }),
  });
  expect(crossSite.status).toBe(403);
  expect((await crossSite.json()).error).toContain("拒绝跨站请求");
  const large = await fetch(`${base}/api/trpc/record.withdraw`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ json: { id: "x", reason: "长".repeat(600_000) } }),
  });
  expect(large.status).toBe(413);
});
