import type { Db } from "../db/client";
import { countRecords, type RecordFilter } from "../db/recordListRepository";

// Counting a 300,000-record county reads 300,000 index entries (50–150 ms, and on SQLite the
// event loop waits for it) on every page of the list, though the total rarely moves between pages.
// Totals are kept for a few seconds per filter; writes of this process forget them at once, so a
// user sees their own change; another instance's writes show within MAX_AGE_MS.
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 500;
const totals = new Map<string, { total: number; at: number; generation: number }>();
let generation = 0;

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

export async function recordCount(db: Db, filter: RecordFilter): Promise<number> {
  const key = keyOf(db, filter);
  const kept = totals.get(key);
  if (kept && kept.generation === generation && Date.now() - kept.at < MAX_AGE_MS) return kept.total;
  const started = generation;
  const total = await countRecords(db, filter);
  // A write committed while counting may or may not be in this total: do not keep it.
  if (started === generation) {
    if (totals.size >= MAX_ENTRIES) totals.clear();
    totals.set(key, { total, at: Date.now(), generation });
  }
  return total;
}
