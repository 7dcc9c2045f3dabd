import { LoginLockout } from "../domain/lockout";
import { getRedis, redisPrefix, type Redis } from "./redis";

/** Per-account lockout, shared by every instance when Redis is configured. */
export interface LockoutStore {
  /** Counts the attempt before the password is checked; null when it may proceed, else when the refusal ends. */
  attempt(account: string): Promise<number | null>;
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
  globalForLockout.__loginLockout ??= new LoginLockout(MAX_FAILURES, WINDOW_MS, LOCK_MS);
  const lockout = globalForLockout.__loginLockout;
  return {
    attempt: async (account) => lockout.attempt(account),
    lockedUntil: async (account) => lockout.lockedUntil(account),
    fail: async (account) => lockout.fail(account),
    succeed: async (account) => lockout.succeed(account),
  };
}

/** One counter per account: INCR is atomic across instances, so parallel guesses are counted before any is checked. */
export function redisLockout(redis: Redis, prefix = `${redisPrefix()}:lockout`): LockoutStore {
  const attempts = (account: string) => `${prefix}:attempts:${account}`;
  const until = async (account: string) => {
    const ttl = await redis.pTTL(attempts(account));
    return Date.now() + Math.max(ttl, 1000);
  };
  return {
    async attempt(account) {
      const [count] = (await redis
        .multi()
        .incr(attempts(account))
        .pExpire(attempts(account), WINDOW_MS, "NX")
        .exec()) as unknown as [number];
      return Number(count) > MAX_FAILURES ? until(account) : null;
    },
    async lockedUntil(account) {
      return Number(await redis.get(attempts(account))) >= MAX_FAILURES ? until(account) : null;
    },
    async fail(account) {
      if (Number(await redis.get(attempts(account))) >= MAX_FAILURES) await redis.pExpire(attempts(account), LOCK_MS);
    },
    async succeed(account) {
      await redis.del(attempts(account));
    },
  };
}

export async function loginLockout(): Promise<LockoutStore> {
  const redis = await getRedis();
  return redis ? redisLockout(redis) : inMemory();
}
