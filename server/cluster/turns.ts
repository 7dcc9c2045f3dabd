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
