import { randomUUID } from "node:crypto";
import { getRedis, redisPrefix } from "./redis";

/**
 * At most one instance runs a periodic job per interval: each instance's timer
 * asks for the job's lease; the first to get it runs, the rest skip this turn.
 * The lease outlives the run, so a slower instance's timer cannot run it again
 * within the same interval; it expires by itself if its holder dies.
 */
export async function claimJobTurn(job: string, leaseMs: number): Promise<boolean> {
  return (await claimLease(job, leaseMs)) !== null;
}

/** The lease's token (to keep it alive), "local" without Redis, or null when another instance holds it. */
async function claimLease(job: string, leaseMs: number): Promise<string | null> {
  const redis = await getRedis();
  if (!redis) return "local";
  const token = `${process.pid}@${Date.now()}@${randomUUID()}`;
  const claimed = await redis.set(`${redisPrefix()}:job:${job}`, token, { NX: true, PX: leaseMs });
  if (claimed !== "OK") return null;
  await redis.incr(`${redisPrefix()}:job:${job}:turns`); // operators (and the two-instance test) can see how often it ran
  return token;
}

// Extends the lease to at least ARGV[2] ms, only while this holder still owns it.
const KEEP_LEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  if redis.call('pttl', KEYS[1]) < tonumber(ARGV[2]) then redis.call('pexpire', KEYS[1], ARGV[2]) end
  return 1
end
return 0`;

// Gives the lease back to its original length once the run is over (or frees it), only if still held.
const END_LEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  if tonumber(ARGV[2]) <= 0 then redis.call('del', KEYS[1]) else redis.call('pexpire', KEYS[1], ARGV[2]) end
  return 1
end
return 0`;

/** How long a running turn's lease is kept ahead of now; also how soon after a holder dies the job is free again. */
export const RUNNING_LEASE_MS = 30_000;

/**
 * Runs one turn of `job` if this instance wins it. A run longer than its lease keeps
 * the lease alive while it runs (a national evaluation can outlast a short interval),
 * so no other instance starts the same job before this one has finished.
 */
export async function runJobTurn(
  job: string,
  leaseMs: number,
  run: () => Promise<unknown>,
  keepMs = RUNNING_LEASE_MS,
): Promise<boolean> {
  // Claimed for the running length at once: a lease of the interval's length could lapse before the first
  // keep-alive on a loaded machine (a 36 ms lease did in the suite) and let a second instance start the job.
  const token = await claimLease(job, Math.max(leaseMs, keepMs));
  if (!token) return false;
  const redis = token === "local" ? null : await getRedis();
  if (!redis) {
    await run();
    return true;
  }
  const started = Date.now();
  const keys = [`${redisPrefix()}:job:${job}`];
  const keep = () => redis.eval(KEEP_LEASE, { keys, arguments: [token, String(keepMs)] }).catch(() => undefined);
  await keep();
  const heartbeat = setInterval(keep, Math.max(10, Math.floor(keepMs / 3)));
  try {
    await run();
  } finally {
    clearInterval(heartbeat);
    const left = leaseMs - (Date.now() - started);
    await redis.eval(END_LEASE, { keys, arguments: [token, String(left)] }).catch(() => undefined);
  }
  return true;
}
