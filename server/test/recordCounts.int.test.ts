// @providers: sqlite, postgresql covers services/recordCounts.ts, domain/recordFilter.ts — SQL vs filterCounts
// A created record is added to the kept record.list totals by testing it against the filter in TypeScript
// (services/recordCounts.ts filterCounts); the count query applies the same terms in SQL. For random records and
// random filters, the SQL count grows by exactly the records filterCounts says it counts.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDepartments } from "../db/departmentRepository";
import { countRecords } from "../db/recordListRepository";
import { periodOf } from "../domain/periods";
import type { RecordFilter } from "../domain/recordFilter";
import { levelOfCode } from "../domain/regions";
import { type CountedRecord, filterCounts } from "../services/recordCounts";
import { importRegions } from "../services/regionImport";
import { createTestDb, type TestDb } from "./testDb";

const COUNTY = "220103";
const KINDS = ["FORM", "TASK"];
const SOURCES = ["MANUAL", "IMPORT"];
// Month edges, December's roll-over to January included: where a period bound is off by one, these show it.
const DATES = ["2025-12-31", "2026-01-01", "2026-01-31", "2026-02-01", "2026-06-15", "2026-12-31"].map(
  (d) => new Date(`${d}T00:00:00Z`),
);
const PERIODS = [202512, 202601, 202602, 202606, 202612];

describe("kept record.list totals grow as a fresh SQL count does", { timeout: 300_000 }, () => {
  let testDb: TestDb;
  let scopes: string[];
  let departments: string[];
  beforeAll(async () => {
    testDb = await createTestDb();
    await importRegions(testDb.db, COUNTY);
    const village = await testDb.db.region.findFirstOrThrow({
      where: { level: 5, code: { startsWith: COUNTY } },
      orderBy: { code: "desc" },
    });
    scopes = [COUNTY, village.code.slice(0, 9), village.code];
    const rows = await insertDepartments(testDb.db, [
      { regionCode: COUNTY, name: "宽城区民政局", category: "GOVERNMENT" },
      { regionCode: COUNTY, name: "宽城区教育局", category: "GOVERNMENT" },
    ]);
    departments = rows.map((d) => d.id);
  }, 300_000);
  afterAll(() => testDb.cleanup());

  it("adds to each total exactly the created records filterCounts says it counts", async () => {
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
    const record = fc.record({
      scope: fc.nat(2),
      status: fc.constantFrom("ACTIVE", "WITHDRAWN"),
      kind: fc.constantFrom(...KINDS),
      department: fc.nat(1),
      source: fc.constantFrom(...SOURCES),
      isViolation: fc.boolean(),
      occurredOn: fc.constantFrom(...DATES),
    });
    const filter = fc.record({
      region: fc.constantFrom("22", "2201", COUNTY, "scope1", "scope2", "220104"),
      kind: optional(fc.constantFrom(...KINDS)),
      department: optional(fc.nat(1)),
      source: optional(fc.constantFrom(...SOURCES)),
      isViolation: optional(fc.boolean()),
      includeWithdrawn: optional(fc.boolean()),
      periodFrom: optional(fc.constantFrom(...PERIODS)),
      periodTo: optional(fc.constantFrom(...PERIODS)),
    });
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.array(filter, { maxLength: 4 }),
        async (drawn, drawnFilters) => {
          const filters: RecordFilter[] = drawnFilters.map((f) => ({
            regionCode: f.region.startsWith("scope") ? scopes[Number(f.region.slice(5))]! : f.region,
            kind: f.kind,
            departmentId: f.department === undefined ? undefined : departments[f.department],
            source: f.source,
            isViolation: f.isViolation,
            includeWithdrawn: f.includeWithdrawn,
            periodFrom: f.periodFrom,
            periodTo: f.periodTo,
          }));
          const created: CountedRecord[] = drawn.map((r) => ({
            scopeRegionCode: scopes[r.scope]!,
            status: r.status,
            kind: r.kind,
            departmentId: departments[r.department]!,
            source: r.source,
            isViolation: r.isViolation,
            occurredOn: r.occurredOn,
          }));
          const before = await Promise.all(filters.map((f) => countRecords(testDb.db, f)));
          await testDb.db.burdenRecord.createMany({
            data: created.map((r) => {
              serial += 1;
              return {
                ...r,
                id: `prop${serial}`,
                scopeLevel: levelOfCode(r.scopeRegionCode)!,
                title: "随机记录",
                period: periodOf(r.occurredOn),
              };
            }),
          });
          for (const [i, f] of filters.entries()) {
            const added = created.filter((r) => filterCounts(f, r)).length;
            expect(await countRecords(testDb.db, f), JSON.stringify(f)).toBe(before[i]! + added);
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100), seed: 20261130 },
    );
  });
});
