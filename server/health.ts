import type { IncomingMessage, ServerResponse } from "node:http";
import { getRedis, redisUrl } from "./cluster/redis";
import { getDb } from "./db/client";
import { databaseConfig } from "./db/config";
import { pingDatabase } from "./db/ping";
import { API_SECURITY_HEADERS } from "./http/serverGuards";
import { getRealtime } from "./realtime/server";

/** With several instances the shared Redis is part of being healthy; `null` when not configured. */
async function redisHealth(): Promise<{ ok: boolean; latencyMs?: number; error?: string } | null> {
  if (!redisUrl()) return null;
  const started = performance.now();
  try {
    const redis = await getRedis();
    const reply = await Promise.race([
      redis!.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 1000)),
    ]);
    return reply === "PONG"
      ? { ok: true, latencyMs: Math.round(performance.now() - started) }
      : { ok: false, error: "Redis 应答异常" };
  } catch {
    return { ok: false, error: "Redis 不可用" };
  }
}

/** GET /api/health: database, Redis (in scale-out mode) and socket server status, as JSON. */
export async function handleHealth(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  let database: { ok: boolean; provider: string; latencyMs?: number; error?: string };
  try {
    // Probed every few seconds by load balancers: proving the database answers needs no table read.
    await pingDatabase(getDb());
    database = {
      ok: true,
      provider: databaseConfig().provider,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch {
    database = { ok: false, provider: databaseConfig().provider, error: "数据库不可用" };
  }
  const io = getRealtime();
  const socket = { ok: Boolean(io), clients: io?.engine.clientsCount ?? 0 };
  const redis = await redisHealth();
  const ok = database.ok && socket.ok && (redis?.ok ?? true);
  res.writeHead(ok ? 200 : 503, { ...API_SECURITY_HEADERS, "content-type": "application/json; charset=utf-8" });
  res.end(
    JSON.stringify({
      status: ok ? "ok" : "degraded",
      database,
      ...(redis ? { redis } : {}),
      socket,
      time: new Date().toISOString(),
    }),
  );
}
