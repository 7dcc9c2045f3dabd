/** Counts per key in fixed windows of `windowMs`, `max` at most: a key's count starts again at 0 in each window. */
abstract class FixedWindows {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    protected readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** The key's count in the window `now` falls in; stale keys are swept once many have piled up. */
  protected current(key: string, now: number) {
    let entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.hits.size > 10_000)
        for (const [k, e] of this.hits) if (now - e.windowStart >= this.windowMs) this.hits.delete(k);
      entry = { windowStart: now, count: 0 };
      this.hits.set(key, entry);
    }
    return entry;
  }

  /** The key's latest count, whether or not its window is over. */
  protected latest(key: string) {
    return this.hits.get(key);
  }
}

/** A fixed-window counter per key: `allow` is false once `max` hits fall in one window. */
export class WindowLimiter extends FixedWindows {
  allow(key: string, now = Date.now()): boolean {
    const entry = this.current(key, now);
    entry.count += 1;
    return entry.count === 1 || entry.count <= this.max;
  }
}

/**
 * Failures per key in a fixed window, counted before the outcome is known so that
 * parallel attempts cannot all pass the check; a success gives its count back.
 */
export class FailureWindow extends FixedWindows {
  /** Counts one attempt; false when the key is already at its limit (the attempt is then not counted). */
  begin(key: string, now = Date.now()): boolean {
    const entry = this.current(key, now);
    if (entry.count >= this.max) return false;
    entry.count += 1;
    return true;
  }

  /** The attempt succeeded: it does not count against the key. */
  succeeded(key: string): void {
    const entry = this.latest(key);
    if (entry && entry.count > 0) entry.count -= 1;
  }
}
