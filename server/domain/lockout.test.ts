import { describe, expect, it } from "vitest";
import { LoginLockout } from "./lockout";

describe("login lockout", () => {
  it("locks an account after five failures in the window, for the lock period", () => {
    const lockout = new LoginLockout(5, 60_000, 300_000);
    for (let i = 0; i < 4; i += 1) lockout.fail("monitor", 1_000 + i);
    expect(lockout.lockedUntil("monitor", 2_000)).toBeNull();
    lockout.fail("monitor", 2_000);
    expect(lockout.lockedUntil("monitor", 2_001)).toBe(302_000);
    expect(lockout.lockedUntil("monitor", 302_000)).toBeNull();
    expect(lockout.lockedUntil("leader", 2_001)).toBeNull();
  });

  it("forgets failures outside the window and after a success", () => {
    const lockout = new LoginLockout(3, 10_000, 60_000);
    lockout.fail("a", 0);
    lockout.fail("a", 1);
    lockout.fail("a", 20_000);
    expect(lockout.lockedUntil("a", 20_001)).toBeNull();
    lockout.succeed("a");
    lockout.fail("a", 20_002);
    lockout.fail("a", 20_003);
    expect(lockout.lockedUntil("a", 20_004)).toBeNull();
  });
});
