import type { Db } from "../db/client";
import { countRecords } from "../db/recordListRepository";
import { type FilteredRecord, filterTerms, meetsTerms, type RecordFilter } from "../domain/recordFilter";
import { sharedRead } from "./sharedRead";

// Counting a 300,000-record county reads 300,000 index entries (50–150 ms idle, far more
// during an import) on every page of the list, though the total rarely moves between pages.
// Totals are kept for a few seconds per filter; another instance's writes show within MAX_AGE_MS.
// This process's writes show at once: a new record is added to each kept total it matches (under
// 50 clients a record is created every tenth of a second, and forgetting every total then had each
// page count the county again); any other write forgets them all.
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 500;
const totals = new Map<string, { total: number; at: number; generation: number; db: Db; filter: RecordFilter }>();
let generation = 0;
// Writes of known records: while one is under way no new total is kept, and one begun during a count voids it.
let writesUnderWay = 0;
let writesBegun = 0;

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

/** Call after writing burden records: the next list counts again. */
export function forgetRecordCounts(): void {
  generation += 1;
  totals.clear();
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
 * them to the kept totals. A total counted while the write was under way may or may not include
 * them: none is kept from then until they are added.
 */
export async function creatingRecords<T extends CountedRecord>(db: Db, write: () => Promise<T[]>): Promise<T[]> {
  writesUnderWay += 1;
  writesBegun += 1;
  try {
    const created = await write();
    for (const [key, kept] of totals) {
      if (kept.db !== db) continue;
      let added = 0;
      for (const record of created) {
        const counts = filterCounts(kept.filter, record);
        if (counts === null) {
          totals.delete(key);
          break;
        }
        if (counts) added += 1;
      }
      kept.total += added;
    }
    return created;
  } finally {
    writesUnderWay -= 1;
  }
}

export async function recordCount(db: Db, filter: RecordFilter): Promise<number> {
  const key = keyOf(db, filter);
  const kept = totals.get(key);
  if (kept && kept.generation === generation && Date.now() - kept.at < MAX_AGE_MS) return kept.total;
  // While creates keep arriving no total can be kept (below), and twenty pages a second each counted
  // the county again side by side; now the pages that ask during a count share the next one.
  return sharedRead(db, `count|${key}`, async () => {
    const started = generation;
    const begun = writesUnderWay === 0 ? writesBegun : -1;
    const total = await countRecords(db, filter);
    // A write committed while counting may or may not be in this total: do not keep it.
    if (started === generation && begun === writesBegun) {
      if (totals.size >= MAX_ENTRIES) totals.clear();
      totals.set(key, { total, at: Date.now(), generation, db, filter });
    }
    return total;
  });
}
