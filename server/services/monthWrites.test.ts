import { describe, expect, it } from "vitest";
import { MonthCounts, MonthWrites } from "./monthWrites";

describe("months a count can vouch for", () => {
  it("voids the months of writes under way as the count starts or begun while it runs, and no other", () => {
    const writes = new MonthWrites();
    writes.begin([202611]);
    const mark = writes.mark();
    writes.end([202611]);
    writes.begin([202610, 202610]);
    writes.end([202610]);
    writes.touched([202601]);
    expect([...writes.voidedSince(mark)].sort()).toEqual([202601, 202610, 202611]);
    // Everything above had ended or was announced before this count began.
    expect(writes.voidedSince(writes.mark()).size).toBe(0);
  });

  it("keeps a month voided while any of its writes is under way", () => {
    const writes = new MonthWrites();
    writes.begin([202611]);
    writes.begin([202611]);
    writes.end([202611]);
    expect([...writes.voidedSince(writes.mark())]).toEqual([202611]);
    writes.end([202611]);
    expect(writes.voidedSince(writes.mark()).size).toBe(0);
  });

  it("keeps the months a count can vouch for and adds records to them, not to voided months", () => {
    const counts = new MonthCounts(
      new Map([
        [202609, 10],
        [202610, 20],
        [202611, 30],
      ]),
      [202611, 202612],
    );
    expect(counts.keptTotal()).toBe(30);
    expect([...counts.voided].sort()).toEqual([202611, 202612]);
    counts.add(202610);
    counts.add(202611);
    counts.add(202608);
    expect(counts.keptTotal()).toBe(32);
    counts.void(202609);
    expect(counts.keptTotal()).toBe(22);
    counts.settle(202611, 31);
    expect(counts.keptTotal()).toBe(53);
    expect([...counts.voided].sort()).toEqual([202609, 202612]);
  });
});
