// Setup file of the shared integration project: its files run one after another in one process with
// one module graph (`isolate: false`: importing the API's graph cost ≈ 6 s of CPU per file). Before
// each file this puts back what an isolated file would start with: the environment as the process
// began, and none of the process-wide singletons the app keeps on globalThis. Those built on a
// database (better-auth, the app's client) would otherwise serve the previous file's deleted one;
// the limiters would carry its sign-in failures. Module caches are keyed by database instead
// (regionSearch.ts, recordCounts.ts). The import worker pool stays: a warm worker holds no data.
import type { EventEmitter } from "node:events";

const shared = globalThis as typeof globalThis & {
  __testEnvAtStart?: NodeJS.ProcessEnv;
  __burdenBus?: EventEmitter;
  __burdenIoCleanup?: () => void;
  __ledgerJobs?: Map<string, unknown>;
} & Record<string, unknown>;

const DROPPED = [
  "__burdenAuth",
  "__burdenDb",
  "__signInLimiter",
  "__accessCodeFailures",
  "__loginLockout",
  "__burdenRedis",
  "__burdenIo",
  "__burdenIoCleanup",
] as const;

/** Puts back the environment the process began with and drops the app's process-wide singletons. */
export function freshGlobals(): void {
  shared.__testEnvAtStart ??= { ...process.env };
  for (const name of Object.keys(process.env)) if (!(name in shared.__testEnvAtStart)) delete process.env[name];
  Object.assign(process.env, shared.__testEnvAtStart);

  shared.__burdenIoCleanup?.();
  for (const name of DROPPED) delete shared[name];
  // Listeners belong to a realtime server of the previous file; the emitter itself is held by bus.ts.
  shared.__burdenBus?.removeAllListeners();
  shared.__ledgerJobs?.clear();
}

freshGlobals();
