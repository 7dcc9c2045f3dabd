/** A fixed-window counter per key: `allow` is false once `max` hits fall in one window. */
export class WindowLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  allow(key: string, now = Date.now()): boolean {
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.hits.size > 10_000) this.sweep(now);
      this.hits.set(key, { windowStart: now, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.max;
  }

  private sweep(now: number) {
    for (const [key, entry] of this.hits) if (now - entry.windowStart >= this.windowMs) this.hits.delete(key);
  }
}

/**
 * Failures per key in a fixed window, counted before the outcome is known so that
 * parallel attempts cannot all pass the check; a success gives its count back.
 */
export class FailureWindow {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the key is already at its limit (the attempt is then not counted). */
  begin(key: string, now = Date.now()): boolean {
    let entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.hits.size > 10_000)
        for (const [k, e] of this.hits) if (now - e.windowStart >= this.windowMs) this.hits.delete(k);
      entry = { windowStart: now, count: 0 };
      this.hits.set(key, entry);
    }
    if (entry.count >= this.max) return false;
    entry.count += 1;
    return true;
  }

  /** The attempt succeeded: it does not count against the key. */
  succeeded(key: string): void {
    const entry = this.hits.get(key);
    if (entry && entry.count > 0) entry.count -= 1;
  }
}
