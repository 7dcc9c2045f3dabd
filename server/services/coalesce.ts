// Work whose result depends only on the data, not on who asked: the alert evaluation of a county's
// month after writes, an expensive read many users ask at once (see sharedRead). While a run for a
// key is under way, the calls that arrive share one next run instead of queueing a run each. Every
// call still resolves only after a run that started after it was made, so its caller reads what its
// own write caused, or what every write committed before it asked.

interface KeyState<T, R> {
  /** Settles when the latest run (started or waiting) has ended. */
  tail: Promise<void>;
  /** The run not yet started: calls made now join it. */
  waiting: { items: T[]; done: Promise<R> } | null;
}

const ignore = () => {};

export class Coalescer<T, R = unknown> {
  private readonly keys = new Map<string, KeyState<T, R>>();

  constructor(private readonly work: (items: T[]) => Promise<R>) {}

  /** Resolves to the result of the run this call joined. */
  run(key: string, items: readonly T[]): Promise<R> {
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
    const waiting: { items: T[]; done: Promise<R> } = { items: [...items], done: undefined as never };
    waiting.done = entry.tail.then(() => {
      entry.waiting = null;
      return this.work(waiting.items);
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
