// @providers: sqlite, postgresql covers db/recordListRepository.ts — keyset pages and totals in raw SQL per dialect
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCountyRecords } from "../../bench/countyRecords";
import type { Prisma } from "../db/generated/client";
import {
  countRecords,
  recordCountQuery,
  recordListQuery,
  recordMonthCountQuery,
  recordMonthCountsQuery,
  type RecordFilter,
} from "../db/recordListRepository";
import { currentPeriod } from "../domain/periods";
import { listBurdenRecords } from "../services/records";
import { callerAs } from "./fixtures";
import { createSeededTestDb, testProvider, type TestDb } from "./testDb";

// record.list on a county with many records (issue #14): plans read from the real SQL, and pages
// that add up to exactly what a plain query finds.
describe("record.list on a large county", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createSeededTestDb();
    await seedCountyRecords(testDb.db, "220103", 20_000, currentPeriod());
  }, 300_000);
  afterAll(() => testDb.cleanup());

  const plan = async (sql: Prisma.Sql) =>
    (await testDb.db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql.sql}`, ...sql.values))
      .map((row) => row.detail)
      .join("\n");
  const listPlan = async (filter: RecordFilter, after?: { occurredOn: Date; id: string }) =>
    plan(await recordListQuery(testDb.db, filter, 21, await countRecords(testDb.db, filter), after));

  it.skipIf(testProvider !== "sqlite")(
    "reads a large county's pages from the date index, never sorting it",
    async () => {
      const first = await listPlan({ regionCode: "220103" });
      expect(first).toMatch(/USING COVERING INDEX BurdenRecord_list_date_idx/);
      expect(first).not.toMatch(/TEMP B-TREE/);
      expect(first).not.toMatch(/^SCAN r$/m);

      const last = await testDb.db.burdenRecord.findFirstOrThrow({
        where: { scopeRegionCode: { startsWith: "220103" } },
        orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
        skip: 5_000,
      });
      const deep = await listPlan({ regionCode: "220103" }, { occurredOn: last.occurredOn, id: last.id });
      // A deep page seeks to its date instead of walking the 5,000 entries before it.
      expect(deep).toMatch(/SEARCH r USING COVERING INDEX BurdenRecord_list_date_idx \(occurredOn<\?\)/);
      expect(deep).not.toMatch(/TEMP B-TREE/);

      // Filters are read from the index too; a filter matching few records goes to the region range instead.
      const filtered = await listPlan({ regionCode: "220103", kind: "FORM", periodFrom: 202601 });
      expect(filtered).toMatch(/USING COVERING INDEX BurdenRecord_list_date_idx/);
      expect(filtered).not.toMatch(/TEMP B-TREE/);
    },
  );

  it.skipIf(testProvider !== "sqlite")("reads a small subtree and every total from the region index", async () => {
    const village = await testDb.db.burdenRecord.findFirstOrThrow({
      where: { scopeRegionCode: { startsWith: "220104" } },
    });
    const small = await listPlan({ regionCode: village.scopeRegionCode });
    expect(small).toMatch(
      /SEARCH r USING COVERING INDEX BurdenRecord_list_region_idx \(scopeRegionCode>\? AND scopeRegionCode<\?\)/,
    );
    for (const filter of [
      { regionCode: "220103" },
      { regionCode: "220103008" },
      { regionCode: "220103", kind: "TASK" },
    ]) {
      const count = await plan(recordCountQuery(testDb.db, filter));
      expect(count).toMatch(/SEARCH r USING COVERING INDEX BurdenRecord_list_region_idx \(scopeRegionCode>\? AND/);
      // The kept totals' months: the same index entries, grouped by the month of their date.
      const byMonth = await plan(recordMonthCountsQuery(testDb.db, filter));
      expect(byMonth).toMatch(/SEARCH r USING COVERING INDEX BurdenRecord_list_region_idx \(scopeRegionCode>\? AND/);
    }
    // A month written since is counted on its own: a county's through the date index, a village's in its region range.
    const month = currentPeriod();
    const county = { regionCode: "220103" };
    expect(
      await plan(await recordMonthCountQuery(testDb.db, county, month, await countRecords(testDb.db, county))),
    ).toMatch(/SEARCH r USING COVERING INDEX BurdenRecord_list_date_idx \(occurredOn>\? AND occurredOn<\?\)/);
    const few = { regionCode: village.scopeRegionCode };
    expect(await plan(await recordMonthCountQuery(testDb.db, few, month, await countRecords(testDb.db, few)))).toMatch(
      /SEARCH r USING COVERING INDEX BurdenRecord_list_region_idx \(scopeRegionCode>\? AND scopeRegionCode<\?\)/,
    );
  });

  it("pages add up to exactly the records a plain query finds, newest first, for every filter", async () => {
    const cases: RecordFilter[] = [
      { regionCode: "220103", kind: "FORM" },
      { regionCode: "220103008", periodFrom: 202603, periodTo: 202608, isViolation: true },
      { regionCode: "220103", text: "防汛", includeWithdrawn: true },
      { regionCode: "220104" },
    ];
    for (const filter of cases) {
      const ids: string[] = [];
      let cursor: string | undefined;
      let total: number | null = null;
      do {
        const page = await listBurdenRecords(testDb.db, filter, 200, cursor);
        ids.push(...page.items.map((r) => r.id));
        total = page.total;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const period =
        filter.periodFrom || filter.periodTo ? { period: { gte: filter.periodFrom, lte: filter.periodTo } } : {};
      const expected = await testDb.db.burdenRecord.findMany({
        where: {
          scopeRegionCode: { startsWith: filter.regionCode },
          ...(filter.includeWithdrawn ? {} : { status: "ACTIVE" }),
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.isViolation !== undefined ? { isViolation: filter.isViolation } : {}),
          ...(filter.text
            ? { OR: [{ title: { contains: filter.text } }, { department: { name: { contains: filter.text } } }] }
            : {}),
          ...period,
        },
        orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      expect(expected.length).toBeGreaterThan(0);
      expect(ids).toEqual(expected.map((r) => r.id));
      expect(total).toBe(expected.length);
    }
  }, 120_000);

  it("counts a record the user just wrote, though totals are kept between pages", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const before = await api.record.list({ regionCode: "220103", pageSize: 5 });
    const department = await testDb.db.department.findFirstOrThrow({ where: { regionCode: "220103" } });
    const created = await api.record.create({
      kind: "FORM",
      departmentId: department.id,
      scopeRegionCode: "220103",
      title: "协助开展人口普查入户登记",
      units: 1,
      occurredOn: new Date(),
    });
    const after = await api.record.list({ regionCode: "220103", pageSize: 5 });
    expect(after.total).toBe((before.total ?? 0) + 1);
    const found = await api.record.list({ regionCode: "220103", text: "人口普查入户", pageSize: 5 });
    expect(found.items.map((r) => r.id)).toContain(created.id);
  });
});
