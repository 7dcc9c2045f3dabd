import { getRedis, redisPrefix } from "./redis";

/**
 * At most one instance runs a periodic job per interval: each instance's timer
 * asks for the job's lease; the first to get it runs, the rest skip this turn.
 * The lease outlives the run, so a slower instance's timer cannot run it again
 * within the same interval; it expires by itself if its holder dies.
 */
export async function claimJobTurn(job: string, leaseMs: number): Promise<boolean> {
  const redis = await getRedis();
  if (!redis) return true;
  const claimed = await redis.set(`${redisPrefix()}:job:${job}`, `${process.pid}@${Date.now()}`, {
    NX: true,
    PX: leaseMs,
  });
  if (claimed !== "OK") return false;
  await redis.incr(`${redisPrefix()}:job:${job}:turns`); // operators (and the two-instance test) can see how often it ran
  return true;
}
