// @providers: sqlite, postgresql covers services/recordCounts.ts, domain/recordFilter.ts — SQL vs filterCounts, kept months vs a fresh count
// A created record is added to the kept record.list totals by testing it against the filter in TypeScript
// (services/recordCounts.ts filterCounts); the count query applies the same terms in SQL. For random records and
// random filters, the SQL count grows by exactly the records filterCounts says it counts. Totals are kept per
// month: creates, withdrawals and imports that commit while a count runs (held between its query and its
// answer) must leave every later total equal to a fresh count.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDepartments } from "../db/departmentRepository";
import type { Db } from "../db/client";
import { countRecords } from "../db/recordListRepository";
import { periodOf } from "../domain/periods";
import type { RecordFilter } from "../domain/recordFilter";
import { levelOfCode } from "../domain/regions";
import {
  type CountedRecord,
  creatingRecords,
  filterCounts,
  forgetRecordCounts,
  forgetRecordMonths,
  recordCount,
} from "../services/recordCounts";
import { deferred } from "./openTransaction";
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

  /** `db` whose next count query is answered only when released: a write can commit between its read and its answer. */
  function heldCounts(db: Db) {
    let held: { queried: () => void; release: Promise<void> } | null = null;
    const proxy = new Proxy(db, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property !== "$queryRaw") return typeof value === "function" ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          const rows = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          const hold = held;
          if (hold && /count\(\*\)/.test((args[0] as { sql?: string }).sql ?? "")) {
            held = null;
            hold.queried();
            await hold.release;
          }
          return rows;
        };
      },
    });
    const holdNext = () => {
      const queried = deferred();
      const release = deferred();
      held = { queried: queried.resolve, release: release.promise };
      return { queried: queried.promise, release: release.resolve };
    };
    return { db: proxy, holdNext };
  }

  it("answers every total as a fresh count does, whatever commits while one is counted", async () => {
    const gated = heldCounts(testDb.db);
    const filters: RecordFilter[] = [
      { regionCode: COUNTY },
      { regionCode: COUNTY, kind: "FORM", periodFrom: 202601, periodTo: 202602 },
      { regionCode: scopes[1]! },
      { regionCode: "22", includeWithdrawn: true },
      { regionCode: COUNTY, text: "随机" },
      { regionCode: COUNTY, isViolation: true, periodTo: 202601 },
    ];
    const record = fc.record({
      scope: fc.nat(2),
      kind: fc.constantFrom(...KINDS),
      department: fc.nat(1),
      isViolation: fc.boolean(),
      occurredOn: fc.constantFrom(...DATES),
    });
    const step = fc.record({
      filter: fc.nat(filters.length - 1),
      // A new grouped count of every month, or the kept total with its written months counted again.
      fresh: fc.boolean(),
      write: fc.constantFrom("create", "import", "withdraw"),
      // The write commits between the count's read and its answer, begins before the count and commits
      // during it, or begins during it and commits after the answer.
      timing: fc.constantFrom("during", "spanning", "after"),
      records: fc.array(record, { minLength: 1, maxLength: 3 }),
      pick: fc.nat(1000),
    });
    let serial = 0;
    const rowsOf = (
      drawn: { scope: number; kind: string; department: number; isViolation: boolean; occurredOn: Date }[],
    ) =>
      drawn.map((r) => {
        serial += 1;
        const scopeRegionCode = scopes[r.scope]!;
        return {
          id: `held${serial}`,
          scopeRegionCode,
          scopeLevel: levelOfCode(scopeRegionCode)!,
          status: "ACTIVE",
          kind: r.kind,
          departmentId: departments[r.department]!,
          source: "MANUAL",
          isViolation: r.isViolation,
          occurredOn: r.occurredOn,
          title: "随机记录",
          period: periodOf(r.occurredOn),
        };
      });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        forgetRecordCounts();
        for (const s of steps) {
          if (s.fresh) forgetRecordCounts();
          const rows = rowsOf(s.records);
          const months = rows.map((r) => r.period);
          const hold = gated.holdNext();
          const counted = deferred();
          // Until the count has read (or needed no query at all).
          let counting: Promise<number> | undefined;
          const read = () => Promise.race([hold.queried, counted.promise]);
          const commit = async () => {
            if (s.write === "create") {
              await creatingRecords(gated.db, rows, async () => {
                if (s.timing === "spanning") await read();
                if (s.timing === "after") await counted.promise;
                await testDb.db.burdenRecord.createMany({ data: rows });
                return rows;
              });
            } else if (s.write === "import") {
              await testDb.db.$transaction(async (tx) => {
                await tx.burdenRecord.createMany({ data: rows });
                if (s.timing === "spanning") await read();
                if (s.timing === "after") await counted.promise;
              });
              forgetRecordMonths(gated.db, months);
            } else {
              if (s.timing === "spanning") await read();
              if (s.timing === "after") await counted.promise;
              const active = await testDb.db.burdenRecord.findMany({
                where: { status: "ACTIVE" },
                select: { id: true, period: true },
              });
              const chosen = active[s.pick % Math.max(1, active.length)];
              if (!chosen) return;
              await testDb.db.burdenRecord.update({ where: { id: chosen.id }, data: { status: "WITHDRAWN" } });
              forgetRecordMonths(gated.db, [chosen.period]);
            }
          };
          const filter = filters[s.filter]!;
          let writing: Promise<void>;
          if (s.timing === "during") {
            counting = recordCount(gated.db, filter);
            void counting.then(
              () => counted.resolve(),
              () => counted.resolve(),
            );
            await read();
            writing = commit();
            await writing;
          } else {
            writing = commit();
            // The write is under way (spanning: inside it; after: not yet written) as the count starts.
            await new Promise((resolve) => setTimeout(resolve, 5));
            counting = recordCount(gated.db, filter);
            void counting.then(
              () => counted.resolve(),
              () => counted.resolve(),
            );
            await read();
          }
          hold.release();
          await counting;
          await writing;
          for (const f of filters)
            expect(await recordCount(gated.db, f), `${JSON.stringify(s)} → ${JSON.stringify(f)}`).toBe(
              await countRecords(testDb.db, f),
            );
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 20261201 },
    );
  });
});
