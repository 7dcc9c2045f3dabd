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

  it("rests as long as the last run took before a run that follows it, and never when nothing was running", async () => {
    const runs: { started: number; finish: () => void }[] = [];
    const coalescer = new Coalescer<number>(
      () => new Promise<void>((resolve) => runs.push({ started: performance.now(), finish: resolve })),
      { rest: 1 },
    );
    const first = coalescer.run("k", [1]);
    await tick();
    await new Promise((r) => setTimeout(r, 60)); // the first run takes at least 60 ms
    const next = coalescer.run("k", [2]); // arrives while it runs
    runs[0]!.finish();
    await first;
    const ended = performance.now();
    await tick();
    expect(runs).toHaveLength(1); // resting
    while (runs.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(runs[1]!.started - ended).toBeGreaterThanOrEqual(50);
    runs[1]!.finish();
    await next;
    await new Promise((r) => setTimeout(r, 10));
    // Nothing under way: a new call starts at once, however long the last run took.
    const alone = coalescer.run("k", [3]);
    await tick();
    expect(runs).toHaveLength(3);
    runs[2]!.finish();
    await alone;
  });

  it("takes the rest from a function of the last run's length when given one", async () => {
    const lengths: number[] = [];
    const releases: (() => void)[] = [];
    const coalescer = new Coalescer<number>(() => new Promise<void>((resolve) => releases.push(resolve)), {
      rest: (last) => {
        lengths.push(last);
        return 0;
      },
    });
    const first = coalescer.run("k", [1]);
    await new Promise((r) => setTimeout(r, 30));
    const second = coalescer.run("k", [2]); // follows a run under way: rests first
    releases[0]!();
    await first;
    await expect.poll(() => releases.length).toBe(2);
    releases[1]!();
    await second;
    expect(lengths).toHaveLength(1);
    expect(lengths[0]).toBeGreaterThanOrEqual(25);
  });
});
