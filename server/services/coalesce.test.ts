import { describe, expect, it } from "vitest";
import { Coalescer } from "./coalesce";

/** Work whose runs end only when the test says so. */
function controlledWork() {
  const runs: { items: number[]; finish: (error?: Error) => void }[] = [];
  const work = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      runs.push({ items, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { runs, coalescer: new Coalescer<number>(work) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("coalesced work after writes", () => {
  it("runs once for calls made while a run is under way, after that run", async () => {
    const { runs, coalescer } = controlledWork();
    const settled: number[] = [];
    const first = coalescer.run("220103|202611", [1]).then(() => settled.push(1));
    await tick();
    expect(runs.map((r) => r.items)).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => coalescer.run("220103|202611", [n]).then(() => settled.push(n)));
    await tick();
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await first;
    await tick();
    // The calls made during the first run wait for a run that started after them.
    expect(settled).toEqual([1]);
    expect(runs.map((r) => r.items)).toEqual([[1], [2, 3, 4]]);
    runs[1]!.finish();
    await Promise.all(later);
    expect(settled).toEqual([1, 2, 3, 4]);
    await tick();
    expect(coalescer.busyKeys).toBe(0);
  });

  it("keeps keys apart, and a failed run fails its own callers only", async () => {
    const { runs, coalescer } = controlledWork();
    const a = coalescer.run("a", [1]);
    const b = coalescer.run("b", [2]);
    await tick();
    expect(runs).toHaveLength(2);
    const again = coalescer.run("a", [3]);
    runs[0]!.finish(new Error("评估失败"));
    await expect(a).rejects.toThrow("评估失败");
    await tick();
    runs[2]!.finish();
    await expect(again).resolves.toBeUndefined();
    runs[1]!.finish();
    await expect(b).resolves.toBeUndefined();
  });
});
