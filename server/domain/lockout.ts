/**
 * Per-account lockout. Every attempt is counted before its password is checked,
 * so parallel guesses cannot all slip in before the first failure is recorded:
 * once `maxFailures` attempts are open or failed, further ones are refused, and
 * the failure that reaches the limit locks the account for `lockMs`.
 * A success clears the count.
 */
export class LoginLockout {
  private readonly entries = new Map<string, { attempts: number; expires: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly lockMs = 15 * 60_000,
  ) {}

  private live(account: string, now: number) {
    const entry = this.entries.get(account);
    if (entry && entry.expires <= now) this.entries.delete(account);
    return entry && entry.expires > now ? entry : undefined;
  }

  /** Counts an attempt; null when it may go on to the password check, else when the refusal ends. */
  attempt(account: string, now = Date.now()): number | null {
    const entry = this.live(account, now) ?? { attempts: 0, expires: now + this.windowMs };
    entry.attempts += 1;
    this.entries.set(account, entry);
    if (this.entries.size > 100_000) this.sweep(now);
    return entry.attempts > this.maxFailures ? entry.expires : null;
  }

  /** The attempt's password was wrong: at the limit the lock starts now. */
  fail(account: string, now = Date.now()): void {
    const entry = this.live(account, now);
    if (entry && entry.attempts >= this.maxFailures) entry.expires = now + this.lockMs;
  }

  succeed(account: string): void {
    this.entries.delete(account);
  }

  lockedUntil(account: string, now = Date.now()): number | null {
    const entry = this.live(account, now);
    return entry && entry.attempts >= this.maxFailures ? entry.expires : null;
  }

  private sweep(now: number) {
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }
}
