import { describe, expect, it } from "vitest";
import { LoginLockout } from "./lockout";

const failOnce = (lockout: LoginLockout, account: string, now: number) => {
  expect(lockout.attempt(account, now)).toBeNull();
  lockout.fail(account, now);
};

describe("login lockout", () => {
  it("locks an account after five failures in the window, for the lock period", () => {
    const lockout = new LoginLockout(5, 60_000, 300_000);
    for (let i = 0; i < 4; i += 1) failOnce(lockout, "monitor", 1_000 + i);
    expect(lockout.lockedUntil("monitor", 2_000)).toBeNull();
    failOnce(lockout, "monitor", 2_000);
    expect(lockout.lockedUntil("monitor", 2_001)).toBe(302_000);
    expect(lockout.attempt("monitor", 2_002)).toBe(302_000);
    expect(lockout.lockedUntil("monitor", 302_000)).toBeNull();
    expect(lockout.lockedUntil("leader", 2_001)).toBeNull();
  });

  it("forgets failures outside the window and after a success", () => {
    const lockout = new LoginLockout(3, 10_000, 60_000);
    failOnce(lockout, "a", 0);
    failOnce(lockout, "a", 1);
    failOnce(lockout, "a", 20_000);
    expect(lockout.lockedUntil("a", 20_001)).toBeNull();
    lockout.succeed("a");
    failOnce(lockout, "a", 20_002);
    failOnce(lockout, "a", 20_003);
    expect(lockout.lockedUntil("a", 20_004)).toBeNull();
  });

  it("counts parallel attempts before any password is checked: only five of forty get through", () => {
    const lockout = new LoginLockout(5, 60_000, 300_000);
    const admitted = Array.from({ length: 40 }, () => lockout.attempt("inspector", 1_000)).filter((r) => r === null);
    expect(admitted).toHaveLength(5);
    for (let i = 0; i < 5; i += 1) lockout.fail("inspector", 1_100);
    expect(lockout.lockedUntil("inspector", 1_200)).toBe(301_100);
  });
});
