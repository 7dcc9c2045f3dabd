/**
 * Per-account lockout: after `maxFailures` failed sign-ins within `windowMs`
 * the account is locked for `lockMs`; a success clears the count.
 */
export class LoginLockout {
  private readonly failures = new Map<string, { times: number[]; lockedUntil: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly lockMs = 15 * 60_000,
  ) {}

  lockedUntil(account: string, now = Date.now()): number | null {
    const entry = this.failures.get(account);
    return entry && entry.lockedUntil > now ? entry.lockedUntil : null;
  }

  fail(account: string, now = Date.now()): void {
    const entry = this.failures.get(account) ?? { times: [], lockedUntil: 0 };
    entry.times = [...entry.times.filter((t) => now - t < this.windowMs), now];
    if (entry.times.length >= this.maxFailures) {
      entry.lockedUntil = now + this.lockMs;
      entry.times = [];
    }
    this.failures.set(account, entry);
  }

  succeed(account: string): void {
    this.failures.delete(account);
  }
}
