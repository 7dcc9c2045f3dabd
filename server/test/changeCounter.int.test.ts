// @providers: sqlite, postgresql — the counter's triggers are written in each database's own dialect
// The fuzz suite's "a refused call leaves the database as it was" rests on this counter.
import { beforeAll, describe, expect, it } from "vitest";
import { installChangeCounter } from "./changeCounter";
import { useTestDb } from "./testDb";

describe("the test databases' change counter", () => {
  const testDb = useTestDb();
  let changes: () => Promise<number>;
  beforeAll(async () => {
    changes = await installChangeCounter(testDb);
  });

  it("counts every committed row inserted, updated or deleted, in any table", async () => {
    const start = await changes();
    await testDb.db.systemSetting.create({ data: { key: "counter.a", value: "1" } });
    await testDb.db.systemSetting.create({ data: { key: "counter.b", value: "1" } });
    expect(await changes()).toBe(start + 2);
    await testDb.db.systemSetting.updateMany({
      where: { key: { in: ["counter.a", "counter.b"] } },
      data: { value: "2" },
    });
    expect(await changes()).toBe(start + 4);
    await testDb.db.systemSetting.delete({ where: { key: "counter.a" } });
    await testDb.db.department.create({ data: { regionCode: "220103", name: "计数测试局" } });
    expect(await changes()).toBe(start + 6);
  });

  it("does not move for writes that were rolled back", async () => {
    const start = await changes();
    await expect(
      testDb.db.$transaction(async (tx) => {
        await tx.systemSetting.create({ data: { key: "counter.rolledBack", value: "1" } });
        await tx.department.deleteMany({});
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await changes()).toBe(start);
    expect(await testDb.db.systemSetting.count({ where: { key: "counter.rolledBack" } })).toBe(0);
  });
});
