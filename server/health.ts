import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "./db/client";
import { databaseConfig } from "./db/config";
import { getRealtime } from "./realtime/server";

/** GET /api/health: database reachability and socket server status, as JSON. */
export async function handleHealth(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  let database: { ok: boolean; provider: string; regions?: number; latencyMs?: number; error?: string };
  try {
    const regions = await getDb().region.count();
    database = { ok: true, provider: databaseConfig().provider, regions, latencyMs: Math.round(performance.now() - started) };
  } catch {
    database = { ok: false, provider: databaseConfig().provider, error: "数据库不可用" };
  }
  const io = getRealtime();
  const socket = { ok: Boolean(io), clients: io?.engine.clientsCount ?? 0 };
  const ok = database.ok && socket.ok;
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ status: ok ? "ok" : "degraded", database, socket, time: new Date().toISOString() }));
}
