import { LoginLockout } from "../domain/lockout";
import { getRedis, redisPrefix, type Redis } from "./redis";

/** Per-account lockout, shared by every instance when Redis is configured. */
export interface LockoutStore {
  lockedUntil(account: string): Promise<number | null>;
  fail(account: string): Promise<void>;
  succeed(account: string): Promise<void>;
}

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

// Shared with Next's route bundle, where sign-in runs.
const globalForLockout = globalThis as typeof globalThis & { __loginLockout?: LoginLockout };

function inMemory(): LockoutStore {
  const lockout = (globalForLockout.__loginLockout ??= new LoginLockout(MAX_FAILURES, WINDOW_MS, LOCK_MS));
  return {
    lockedUntil: async (account) => lockout.lockedUntil(account),
    fail: async (account) => lockout.fail(account),
    succeed: async (account) => lockout.succeed(account),
  };
}

/** Failures counted in a window that starts at the first one; at the limit the account key locks. */
export function redisLockout(redis: Redis, prefix = `${redisPrefix()}:lockout`): LockoutStore {
  const failures = (account: string) => `${prefix}:fail:${account}`;
  const lock = (account: string) => `${prefix}:lock:${account}`;
  return {
    async lockedUntil(account) {
      const ttl = await redis.pTTL(lock(account));
      return ttl > 0 ? Date.now() + ttl : null;
    },
    async fail(account) {
      const [count] = (await redis.multi().incr(failures(account)).pExpire(failures(account), WINDOW_MS, "NX").exec()) as unknown as [number];
      if (Number(count) >= MAX_FAILURES) {
        await redis.multi().set(lock(account), "1", { PX: LOCK_MS }).del(failures(account)).exec();
      }
    },
    async succeed(account) {
      await redis.del(failures(account));
    },
  };
}

export async function loginLockout(): Promise<LockoutStore> {
  const redis = await getRedis();
  return redis ? redisLockout(redis) : inMemory();
}
