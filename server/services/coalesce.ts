// Work whose result depends only on the data, not on who asked: the alert evaluation of a county's
// month after writes, an expensive read many users ask at once (see sharedRead). While a run for a
// key is under way, the calls that arrive share one next run instead of queueing a run each. Every
// call still resolves only after a run that started after it was made, so its caller reads what its
// own write caused, or what every write committed before it asked.

interface KeyState<T, R> {
  /** Settles when the latest run (started or waiting) has ended. */
  tail: Promise<void>;
  /** How long the last run took, ms. */
  lastRunMs: number;
  /** A run is under way. */
  running: boolean;
  /** The run not yet started: calls made now join it. */
  waiting: { items: T[]; done: Promise<R> } | null;
}

const ignore = () => {};

export class Coalescer<T, R = unknown> {
  private readonly keys = new Map<string, KeyState<T, R>>();

  /**
   * `rest`: a run that follows another without a pause (calls kept arriving while one ran) first waits
   * `rest` × the last run's length. Ten records a second into one county kept its evaluation running
   * back to back, a whole core of the one event loop every other request needs; with rest 1 it takes at
   * most half. A call that finds nothing under way still starts at once. A function gives the rest in ms
   * from the last run's length.
   */
  constructor(
    private readonly work: (items: T[]) => Promise<R>,
    private readonly options: { rest?: number | ((lastRunMs: number) => number) } = {},
  ) {}

  /** Resolves to the result of the run this call joined. */
  run(key: string, items: readonly T[]): Promise<R> {
    let state = this.keys.get(key);
    if (!state) {
      state = { tail: Promise.resolve(), lastRunMs: 0, running: false, waiting: null };
      this.keys.set(key, state);
    }
    if (state.waiting) {
      state.waiting.items.push(...items);
      return state.waiting.done;
    }
    const entry = state;
    const waiting: { items: T[]; done: Promise<R> } = { items: [...items], done: undefined as never };
    const follows = entry.running;
    waiting.done = entry.tail.then(async () => {
      if (follows) {
        const { rest: restOption = 0 } = this.options;
        const rest = typeof restOption === "function" ? restOption(entry.lastRunMs) : restOption * entry.lastRunMs;
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
      entry.waiting = null;
      entry.running = true;
      const started = performance.now();
      try {
        return await this.work(waiting.items);
      } finally {
        entry.running = false;
        entry.lastRunMs = performance.now() - started;
      }
    });
    entry.waiting = waiting;
    const tail: Promise<void> = waiting.done.then(ignore, ignore).then(() => {
      if (entry.tail === tail && !entry.waiting) this.keys.delete(key);
    });
    entry.tail = tail;
    return waiting.done;
  }

  /** Whether a run of `key` is under way, resting or waiting. */
  isBusy(key: string): boolean {
    const state = this.keys.get(key);
    return Boolean(state && (state.running || state.waiting));
  }

  /** Keys with a run under way or waiting (for tests). */
  get busyKeys(): number {
    return this.keys.size;
  }
}
