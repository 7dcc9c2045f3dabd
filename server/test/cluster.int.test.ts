// @providers: sqlite — Redis only, no database
// Shared state between instances, against the Redis server these machines run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimJobTurn } from "../cluster/jobLock";
import { redisLockout } from "../cluster/loginLockout";
import { isReachable, LOCAL_REDIS_URL } from "../cluster/reachable";
import { closeRedis, getRedis, type Redis } from "../cluster/redis";

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
