// Work that must follow every write but whose result depends only on the data, not on which write
// asked for it (the alert evaluation of a county's month). While a run for a key is under way, the
// calls that arrive share one next run instead of queueing a run each. Every call still resolves
// only after a run that started after it was made, so its caller reads what its own write caused.

interface KeyState<T> {
  /** Settles when the latest run (started or waiting) has ended. */
  tail: Promise<void>;
  /** The run not yet started: calls made now join it. */
  waiting: { items: T[]; done: Promise<void> } | null;
}

const ignore = () => {};

export class Coalescer<T> {
  private readonly keys = new Map<string, KeyState<T>>();

  constructor(private readonly work: (items: T[]) => Promise<unknown>) {}

  run(key: string, items: readonly T[]): Promise<void> {
    let state = this.keys.get(key);
    if (!state) {
      state = { tail: Promise.resolve(), waiting: null };
      this.keys.set(key, state);
    }
    if (state.waiting) {
      state.waiting.items.push(...items);
      return state.waiting.done;
    }
    const entry = state;
    const waiting = { items: [...items], done: Promise.resolve() };
    waiting.done = entry.tail.then(async () => {
      entry.waiting = null;
      await this.work(waiting.items);
    });
    entry.waiting = waiting;
    const tail: Promise<void> = waiting.done.then(ignore, ignore).then(() => {
      if (entry.tail === tail && !entry.waiting) this.keys.delete(key);
    });
    entry.tail = tail;
    return waiting.done;
  }

  /** Keys with a run under way or waiting (for tests). */
  get busyKeys(): number {
    return this.keys.size;
  }
}
