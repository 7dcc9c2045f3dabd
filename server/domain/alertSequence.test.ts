import { describe, expect, it } from "vitest";
import { SequenceTracker } from "./alertSequence";

describe("SequenceTracker", () => {
  it("applies each sequence once, whatever the order", () => {
    const t = new SequenceTracker(10);
    expect(t.accept(9, "a")).toBe(false); // already in the loaded list
    expect(t.accept(12, "a")).toBe(true);
    expect(t.accept(11, "b")).toBe(true); // late, other alert: still applied
    expect(t.accept(12, "a")).toBe(false); // replayed twice
    expect(t.highest).toBe(12);
  });

  it("never moves an alert back to an older snapshot", () => {
    const t = new SequenceTracker();
    expect(t.accept(6, "a")).toBe(true);
    expect(t.accept(5, "a")).toBe(false);
    expect(t.accept(5, "a")).toBe(false);
    expect(t.accept(7, null)).toBe(true);
  });

  it("stays bounded over a long session", () => {
    const t = new SequenceTracker();
    for (let seq = 1; seq <= 20_000; seq++) t.accept(seq, `a${seq % 50}`);
    expect(t.accept(20_000, "x")).toBe(false);
    expect(t.highest).toBe(20_000);
  });

  it("does not apply a forgotten sequence again when a replay's overlap resends it", () => {
    const t = new SequenceTracker(100);
    for (let seq = 101; seq <= 6200; seq++) t.accept(seq);
    expect(t.accept(150)).toBe(false);
    expect(t.accept(1100)).toBe(false);
    expect(t.floor).toBeGreaterThanOrEqual(1100);
    expect(t.accept(6201)).toBe(true);
  });
});
