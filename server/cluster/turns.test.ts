import { describe, expect, it } from "vitest";
import { turnGuard } from "./turns";

describe("periodic turns", () => {
  it("skip a turn that fires while another turn of the same guard runs, and run again once it is done", async () => {
    const guarded = turnGuard(() => {});
    const releases: (() => void)[] = [];
    let runs = 0;
    const slow = guarded("慢任务", async () => {
      runs += 1;
      await new Promise<void>((resolve) => releases.push(resolve));
    });
    const other = guarded("另一任务", async () => {
      runs += 1;
    });
    const first = slow();
    await other();
    const second = slow();
    expect(runs).toBe(1);
    for (const release of releases) release();
    await Promise.all([first, second]);
    await other();
    expect(runs).toBe(2);
  });

  it("log a failed turn by name in Chinese and let the next turn run", async () => {
    const lines: string[] = [];
    const guarded = turnGuard((line) => lines.push(line));
    await guarded("月报定时生成", async () => {
      throw new Error("数据库不可用");
    })();
    let ran = false;
    await guarded("月报定时生成", async () => {
      ran = true;
    })();
    expect(lines).toEqual(["月报定时生成失败：数据库不可用"]);
    expect(ran).toBe(true);
  });
});
