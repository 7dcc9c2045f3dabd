import { describe, expect, it } from "vitest";
import {
  acknowledgementHolds,
  crossesCeiling,
  dueForEscalation,
  poissonUpperTail,
  robustZ,
  rulePeriodError,
  transition,
} from "./alerts";

const rule = { enterThreshold: 4, exitThreshold: 3, pendingPeriods: 0 };

describe("alert lifecycle", () => {
  it("fires above the enter threshold and recovers only at or below the exit threshold (hysteresis)", () => {
    expect(transition(null, 4, 0, rule)).toEqual({ state: null, events: [] });
    expect(transition(null, 4.5, 0, rule)).toEqual({ state: "FIRING", events: ["FIRING"] });
    expect(transition("FIRING", 3.5, 0, rule)).toEqual({ state: "FIRING", events: ["VALUE_CHANGED"] });
    expect(transition("FIRING", 3, 0, rule)).toEqual({ state: "RESOLVED", events: ["RESOLVED"] });
    expect(transition("RESOLVED", 5, 0, rule)).toEqual({ state: "FIRING", events: ["FIRING"] });
  });

  it("stays pending until enough earlier periods breached", () => {
    const pending = { ...rule, pendingPeriods: 2 };
    expect(transition(null, 5, 1, pending).state).toBe("PENDING");
    expect(transition("PENDING", 5, 2, pending)).toEqual({ state: "FIRING", events: ["FIRING"] });
    expect(transition("PENDING", 2, 2, pending).state).toBe("RESOLVED");
  });

  it("an acknowledgement lapses at expiry or when the value passes the ceiling", () => {
    const now = new Date("2026-11-28T10:00:00Z");
    const human = {
      ackedAt: new Date("2026-11-28T09:00:00Z"),
      ackExpiresAt: null,
      ackValue: 5,
      ackCeilingMargin: 2,
      resolvedAt: null,
    };
    expect(acknowledgementHolds(human, 7, now)).toBe(true);
    expect(acknowledgementHolds(human, 7.1, now)).toBe(false);
    expect(acknowledgementHolds({ ...human, ackExpiresAt: new Date("2026-11-28T09:30:00Z") }, 5, now)).toBe(false);
    expect(crossesCeiling(human, 6, 8)).toBe(true);
    expect(crossesCeiling(human, 8, 9)).toBe(false);
    expect(acknowledgementHolds(null, 1, now)).toBe(false);
  });

  it("escalates firing alerts left unacknowledged past their limit, once", () => {
    const firingAt = new Date("2026-11-28T08:00:00Z");
    const alert = { state: "FIRING" as const, severity: "CRITICAL" as const, firingAt, escalationLevel: 0 };
    expect(dueForEscalation(alert, false, new Date("2026-11-28T08:59:00Z"))).toBe(false);
    expect(dueForEscalation(alert, false, new Date("2026-11-28T09:00:00Z"))).toBe(true);
    expect(dueForEscalation(alert, true, new Date("2026-11-28T10:00:00Z"))).toBe(false);
    expect(dueForEscalation({ ...alert, escalationLevel: 1 }, false, new Date("2026-11-28T10:00:00Z"))).toBe(false);
  });
});

describe("statistical rules", () => {
  it("computes exact Poisson upper tails", () => {
    // P(X ≥ 1 | μ = 1) = 1 − e^−1; P(X ≥ 3 | μ = 1) = 1 − e^−1 (1 + 1 + 1/2).
    expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
    expect(poissonUpperTail(10, 2)).toBeLessThan(0.00135);
  });

  it("scores peer outliers with robust z and a fallback when MAD is 0", () => {
    expect(robustZ(10, [1, 2, 3, 4, 5])).toBeCloseTo((0.6745 * 7) / 1, 12);
    expect(robustZ(3, [1, 1, 1, 1, 3])).toBeCloseTo(2 / (1.2533 * 0.4), 10);
    expect(robustZ(1, [1, 1, 1])).toBe(0);
  });
});

describe("episodes across periods", () => {
  const hysteresis = { enterThreshold: 4, exitThreshold: 3.5, pendingPeriods: 0 };
  it("keeps firing between exit and enter, and resolves only after the recovery periods", () => {
    expect(transition("FIRING", 3.7, 0, hysteresis).state).toBe("FIRING"); // 220106: January 4.18, February 3.70
    const slow = { ...hysteresis, recoveryPeriods: 2 };
    expect(transition("FIRING", 3, 0, slow, 1)).toEqual({ state: "FIRING", events: ["VALUE_CHANGED"] });
    expect(transition("FIRING", 3, 0, slow, 2)).toEqual({ state: "RESOLVED", events: ["RESOLVED"] });
  });
  it("a pending episode that stops breaching ends", () => {
    expect(transition("PENDING", 3.8, 0, { ...hysteresis, pendingPeriods: 2 })).toEqual({
      state: "RESOLVED",
      events: ["RESOLVED"],
    });
  });
});

describe("rule period limits", () => {
  it.each([
    ["pendingPeriods", 0, null],
    ["pendingPeriods", 12, null],
    ["pendingPeriods", -1, "待定期数应为0至12个月"],
    ["pendingPeriods", 13, "待定期数应为0至12个月"],
    ["recoveryPeriods", 1, null],
    ["recoveryPeriods", 0, "恢复期数应为1至12个月"],
    ["recoveryPeriods", 2.5, "恢复期数应为1至12个月"],
  ] as const)("%s = %d → %s", (field, value, message) => {
    expect(rulePeriodError(field, value)).toBe(message);
  });
});
