import type { Db } from "../db/client";
import { countRecordsByMonth, countRecordsInMonth } from "../db/recordListRepository";
import { periodOf } from "../domain/periods";
import { type FilteredRecord, filterTerms, meetsTerms, type RecordFilter } from "../domain/recordFilter";
import { MonthCounts, MonthWrites } from "./monthWrites";
import { sharedRead } from "./sharedRead";

// Counting a 300,000-record county reads 300,000 index entries (50–150 ms idle, 200–450 ms on
// PostgreSQL during an import) and the total rarely moves between pages. Totals are kept for a few
// seconds per filter, month by month; another instance's writes show within MAX_AGE_MS. This
// process's writes show at once: a new record is added to the kept month it falls in, and any other
// write forgets the months it touched. A count cannot vouch for a month written while it ran (the
// write may or may not be in it), so that month alone is counted again, bounded to the month through
// the date index: under 50 clients a record is created every tenth of a second, and keeping nothing
// while one was under way had every page count the whole county.
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 500;

interface KeptTotal {
  at: number;
  generation: number;
  db: Db;
  filter: RecordFilter;
  months: MonthCounts;
}

const totals = new Map<string, KeptTotal>();
// The last total answered per filter, of any age: enough for SQLite to choose an index.
const estimates = new Map<string, number>();
let generation = 0;
const writesByDb = new WeakMap<Db, MonthWrites>();

function writesOf(db: Db): MonthWrites {
  let writes = writesByDb.get(db);
  if (!writes) {
    writes = new MonthWrites();
    writesByDb.set(db, writes);
  }
  return writes;
}

function keyOf(db: Db, filter: RecordFilter): string {
  return JSON.stringify([dbIds.get(db) ?? remember(db), Object.entries(filter).sort()]);
}

// Totals of one database are never answered for another (tests and benches open several).
const dbIds = new WeakMap<Db, number>();
let nextDbId = 0;
function remember(db: Db): number {
  nextDbId += 1;
  dbIds.set(db, nextDbId);
  return nextDbId;
}

/** Call after writing burden records whose months are not known: the next list counts everything again. */
export function forgetRecordCounts(): void {
  generation += 1;
  totals.clear();
}

/**
 * Call after writing burden records of these months (an edit: the months before and after): lists
 * count those months again, and a count running now keeps none of them.
 */
export function forgetRecordMonths(db: Db, months: Iterable<number>): void {
  const touched = new Set(months);
  writesOf(db).touched(touched);
  for (const kept of totals.values()) if (kept.db === db) for (const month of touched) kept.months.void(month);
}

/** The fields of a new record that decide which list filters it falls in. */
export type CountedRecord = FilteredRecord;

/** Whether `record` is one of the records `filter` counts, by the terms the count query renders; null: cannot tell. */
export function filterCounts(filter: RecordFilter, record: CountedRecord): boolean | null {
  // LIKE's case rules differ between the dialects, and the text may match the department's name.
  if (filter.text) return null;
  return meetsTerms(filterTerms(filter), record);
}

/**
 * Creates records in `db` through `write`, which resolves to them once they are committed, and adds
 * them to the kept totals. `planned`: the records about to be written (their dates): while the write
 * is under way, counts keep none of their months.
 */
export async function creatingRecords<T extends CountedRecord>(
  db: Db,
  planned: readonly { occurredOn: Date }[],
  write: () => Promise<T[]>,
): Promise<T[]> {
  const months = new Set(planned.map((r) => periodOf(r.occurredOn)));
  const writes = writesOf(db);
  writes.begin(months);
  try {
    const created = await write();
    // A record of a month not announced was not guarded against: no kept total can vouch for it.
    if (created.some((r) => !months.has(periodOf(r.occurredOn)))) forgetRecordCounts();
    for (const kept of totals.values()) {
      if (kept.db !== db) continue;
      for (const record of created) {
        const month = periodOf(record.occurredOn);
        const counts = filterCounts(kept.filter, record);
        if (counts === null) kept.months.void(month);
        else if (counts) kept.months.add(month);
      }
    }
    return created;
  } finally {
    writes.end(months);
  }
}

/** The filter's total: kept months, and the months written since counted again. */
export async function recordCount(db: Db, filter: RecordFilter): Promise<number> {
  const key = keyOf(db, filter);
  const kept = totals.get(key);
  const total =
    kept && kept.generation === generation && Date.now() - kept.at < MAX_AGE_MS
      ? await keptAndRecounted(db, key, kept)
      : // Pages that ask during a count share the next one.
        await sharedRead(db, `count|${key}`, () => countByMonth(db, key, filter));
  if (estimates.size >= MAX_ENTRIES) estimates.clear();
  estimates.set(key, total);
  return total;
}

/**
 * A number close to the filter's total, for choosing an index: the last total answered, of any age,
 * or a count when there is none.
 */
export async function recordCountEstimate(db: Db, filter: RecordFilter): Promise<number> {
  return estimates.get(keyOf(db, filter)) ?? recordCount(db, filter);
}

async function countByMonth(db: Db, key: string, filter: RecordFilter): Promise<number> {
  const started = generation;
  const writes = writesOf(db);
  const mark = writes.mark();
  const counts = await countRecordsByMonth(db, filter);
  if (started === generation) {
    if (totals.size >= MAX_ENTRIES) totals.clear();
    const months = new MonthCounts(counts, writes.voidedSince(mark));
    totals.set(key, { at: Date.now(), generation, db, filter, months });
  }
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

async function keptAndRecounted(db: Db, key: string, kept: KeptTotal): Promise<number> {
  // Read now, before any await: a month voided while the others are counted must not go missing.
  const keptTotal = kept.months.keptTotal();
  const voided = [...kept.months.voided];
  const recounted = await Promise.all(
    voided.map((month) => sharedRead(db, `month|${key}|${month}`, () => countMonth(db, key, kept, month))),
  );
  return recounted.reduce((sum, n) => sum + n, keptTotal);
}

async function countMonth(db: Db, key: string, kept: KeptTotal, month: number): Promise<number> {
  const started = generation;
  const writes = writesOf(db);
  const mark = writes.mark();
  // What the filter matched last tells SQLite which index reads fewer entries for the month.
  const matches = estimates.get(key) ?? kept.months.keptTotal();
  const n = await countRecordsInMonth(db, kept.filter, month, matches);
  if (started === generation && totals.get(key) === kept && !writes.voidedSince(mark).has(month))
    kept.months.settle(month, n);
  return n;
}
