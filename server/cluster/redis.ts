// Shared state between app instances. With REDIS_URL set, several instances
// behind one load balancer share socket.io rooms, job locks and login lockouts
// through Redis; without it the app runs as one instance and keeps them in memory.
import { createClient, type RedisClientType } from "redis";

export type Redis = RedisClientType;

const globalForRedis = globalThis as typeof globalThis & { __burdenRedis?: Promise<Redis | null> };

export function redisUrl(): string | null {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url)) throw new Error(`无法识别的 REDIS_URL：${url}（应为 redis://主机:端口）`);
  return url;
}

/** Namespace of every key and channel; instances that share state share it. */
export function redisPrefix(): string {
  return process.env.REDIS_PREFIX?.trim() || "burden";
}

/** A connected client, or `null` when the app runs as a single instance. */
export async function connectRedis(url = redisUrl()): Promise<Redis | null> {
  if (!url) return null;
  const client: Redis = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) },
  });
  // Without a listener a lost connection would crash the process; the client reconnects by itself.
  client.on("error", (error: Error) => console.error(`Redis 连接错误：${error.message}`));
  await client.connect();
  return client;
}

/** The instance's shared command client (not for subscriptions). */
export function getRedis(): Promise<Redis | null> {
  globalForRedis.__burdenRedis ??= connectRedis();
  return globalForRedis.__burdenRedis;
}

export async function closeRedis(): Promise<void> {
  const pending = globalForRedis.__burdenRedis;
  globalForRedis.__burdenRedis = undefined;
  const client = await pending?.catch(() => null);
  if (client?.isOpen) await client.quit();
}

/** Sharded pub/sub (SPUBLISH) came with Redis 7. */
export async function supportsShardedPubSub(client: Redis): Promise<boolean> {
  const info = await client.info("server");
  const major = Number(/redis_version:(\d+)/.exec(info)?.[1] ?? 0);
  return major >= 7;
}
