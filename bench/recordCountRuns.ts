// How many whole-county counts record.list runs while creates keep arriving (issue #14's mix, in
// process): 200 pages, one every 50 ms, and 100 creates, one every 100 ms, against a stand-in
// database whose county count takes COUNTY_MS (PostgreSQL during the import: 200–450 ms), a count of
// one month MONTH_MS and a create's commit CREATE_MS. Prints the counts run and the pages' wait.
// `npx tsx bench/recordCountRuns.ts`
import type { Db } from "../server/db/client";
import { periodOf } from "../server/domain/periods";
import * as recordCounts from "../server/services/recordCounts";

const COUNTY_MS = 300;
const MONTH_MS = 25;
const CREATE_MS = 20;
const PAGES = 200;
const CREATES = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = new Date();
const byMonth = new Map<number, number>();
for (let back = 0; back < 12; back += 1)
  byMonth.set(periodOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15))), 25_000);
const runs = { county: 0, month: 0 };

const db = {
  _activeProvider: "postgresql",
  async $queryRaw(query: { sql: string }) {
    // A statement reads what was committed as it started (PostgreSQL's read committed).
    const seen = new Map(byMonth);
    const grouped = /GROUP BY/.test(query.sql);
    const month = /"occurredOn" </.test(query.sql) && !grouped;
    if (month) runs.month += 1;
    else runs.county += 1;
    await sleep(month ? MONTH_MS : COUNTY_MS);
    if (grouped) return [...seen].map(([m, n]) => ({ month: m, n }));
    const current = periodOf(now);
    return [{ n: month ? (seen.get(current) ?? 0) : [...seen.values()].reduce((a, b) => a + b, 0) }];
  },
} as unknown as Db;

const created = () => ({
  scopeRegionCode: "220103001001",
  status: "ACTIVE",
  kind: "FORM",
  departmentId: "d1",
  source: "MANUAL",
  isViolation: false,
  occurredOn: now,
});
const create = async () => {
  const write = async () => {
    await sleep(CREATE_MS);
    byMonth.set(periodOf(now), (byMonth.get(periodOf(now)) ?? 0) + 1);
    return [created()];
  };
  // Before session 8 creatingRecords took only the write; since then the records' dates first.
  const creating = recordCounts.creatingRecords as (...args: unknown[]) => Promise<unknown>;
  await (creating.length >= 3 ? creating(db, [{ occurredOn: now }], write) : creating(db, write));
};

const waits: number[] = [];
const page = async () => {
  const asked = performance.now();
  await recordCounts.recordCount(db, { regionCode: "220103" });
  waits.push(performance.now() - asked);
};

const work: Promise<unknown>[] = [];
for (let i = 0; i < PAGES; i += 1) {
  work.push(page());
  if (i % 2 === 1 && work.length < PAGES + CREATES) work.push(create());
  await sleep(50);
}
await Promise.all(work);
waits.sort((a, b) => a - b);
const at = (p: number) => waits[Math.min(waits.length - 1, Math.floor(p * waits.length))]!.toFixed(0);
console.log(
  `${PAGES} 页、${CREATES} 次新增：区县计数 ${runs.county} 次，单月计数 ${runs.month} 次；` +
    `每页等待计数 中位 ${at(0.5)} 毫秒，p95 ${at(0.95)} 毫秒`,
);
