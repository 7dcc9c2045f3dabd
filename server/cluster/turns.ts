import { claimJobTurn } from "./jobLock";

/**
 * Guards periodic turns of one process: a turn that fires while another turn of the same guard
 * still runs is skipped (a slow national evaluation must not pile up behind itself), and a failed
 * turn is logged as «name失败：reason» instead of escaping the timer.
 */
export function turnGuard(log: (line: string) => void) {
  let running = false;
  return (name: string, turn: () => Promise<unknown>) => async () => {
    if (running) return;
    running = true;
    try {
      await turn();
    } catch (error) {
      log(`${name}失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
}

/** Calls `tick` every `everyMs` without keeping the process alive for it. */
export function repeatEvery(everyMs: number, tick: () => Promise<void>) {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * A guarded turn every `everyMs` that only one instance of the cluster takes: each turn first claims the
 * job's lease (a little shorter than the period, so the next turn is free to claim it again).
 */
export function everyClusterTurn(
  log: (line: string) => void,
  job: { name: string; key: string; everyMs: number },
  turn: () => Promise<void>,
) {
  return repeatEvery(
    job.everyMs,
    turnGuard(log)(job.name, async () => {
      if (await claimJobTurn(job.key, Math.floor(job.everyMs * 0.9))) await turn();
    }),
  );
}
