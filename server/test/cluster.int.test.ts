// @providers: sqlite — Redis only, no database
// Shared state between instances, against the Redis server these machines run.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { claimJobTurn } from "../cluster/jobLock";
import { redisLockout } from "../cluster/loginLockout";
import { isReachable, LOCAL_REDIS_URL } from "../cluster/reachable";
import { closeRedis, getRedis, type Redis } from "../cluster/redis";
import type { Db } from "../db/client";
import { startAlertScheduler } from "../services/alerts/alertScheduler";

const REDIS_URL = process.env.TEST_REDIS_URL ?? LOCAL_REDIS_URL;
const prefix = `burden-test-${process.pid}-${Date.now()}`;

const redisReachable = await isReachable(REDIS_URL);

// CI machines run Redis: there its absence fails the suite instead of skipping it.
describe.skipIf(!redisReachable && !process.env.CI)("cluster state in Redis", () => {
  let redis: Redis;
  beforeAll(async () => {
    process.env.REDIS_URL = REDIS_URL;
    process.env.REDIS_PREFIX = prefix;
    redis = (await getRedis())!;
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(keys);
    await closeRedis();
    delete process.env.REDIS_URL;
    delete process.env.REDIS_PREFIX;
  });

  it("gives each job turn to one claimant until the lease lapses", async () => {
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimJobTurn("escalation", 300)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimJobTurn("evaluation", 300)).toBe(true); // other jobs are independent
    await new Promise((r) => setTimeout(r, 350));
    expect(await claimJobTurn("escalation", 300)).toBe(true);
    expect(Number(await redis.get(`${prefix}:job:escalation:turns`))).toBe(2);
  });

  it("a scheduled evaluation slower than its interval never overlaps itself on two instances sharing the lease", async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const jobs = {
      escalate: async () => {},
      // A fake evaluation over a hundred times longer than the interval and its 1 ms lease (less than a Redis round trip).
      evaluate: async () => {
        active += 1;
        runs += 1;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 250));
        active -= 1;
      },
    };
    const intervals = { escalationMs: 3_600_000, evaluationMs: 2 };
    const errors: string[] = [];
    const instances = [1, 2].map(() =>
      startAlertScheduler(null as unknown as Db, (l) => errors.push(l), intervals, jobs),
    );
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 20 });
    for (const instance of instances) instance.stop();
    await vi.waitFor(() => expect(active).toBe(0), { timeout: 5_000, interval: 20 });
    expect(errors).toEqual([]);
    expect(most).toBe(1);
    // Finished turns give the lease back: the next turn came soon after, not a keep-alive window later.
    expect(Number(await redis.get(`${prefix}:job:evaluation:turns`))).toBeGreaterThanOrEqual(3);
  });

  it("locks an account after five failures, whichever instance saw them", async () => {
    const instanceA = redisLockout(redis, `${prefix}:lockout`);
    const instanceB = redisLockout(redis, `${prefix}:lockout`);
    const failOn = async (instance: typeof instanceA) => {
      expect(await instance.attempt("inspector")).toBeNull();
      await instance.fail("inspector");
    };
    for (let i = 0; i < 4; i += 1) await failOn(i % 2 ? instanceA : instanceB);
    expect(await instanceA.lockedUntil("inspector")).toBeNull();
    await instanceB.succeed("inspector"); // a success clears the count
    for (let i = 0; i < 4; i += 1) await failOn(instanceA);
    expect(await instanceB.lockedUntil("inspector")).toBeNull();
    await failOn(instanceB);
    const until = await instanceA.lockedUntil("inspector");
    expect(until).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await instanceB.attempt("inspector")).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await instanceB.lockedUntil("monitor")).toBeNull();
    // Forty parallel guesses on two instances: five are counted in, the rest refused before any password check.
    const admitted = (
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? instanceA : instanceB).attempt("leader")))
    ).filter((r) => r === null);
    expect(admitted).toHaveLength(5);
  });
});
