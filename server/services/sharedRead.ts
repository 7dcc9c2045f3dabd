import type { Db } from "../db/client";
import { Coalescer } from "./coalesce";

// The dashboards' expensive reads (a city's overview reads every record of the month for its
// department league, ~1 s of PostgreSQL; the county league) are asked by many users at once and
// again on every refresh. One computation per key runs at a time; whoever asks while it runs shares
// the next one, which starts after they asked, so nobody gets an answer older than their question.
// Under 50 clients that turned ten overview computations a second into one at a time.
//
// A dashboard may say it can live with an answer up to `staleMs` old (`options.staleMs`): then, while
// its computation is under way or resting (it keeps being asked), a caller gets the last answer at
// once and the next computation starts after a rest of `BUSY_REST` × the last one's length (shortened so
// that the kept answer never ages past the limit). Under 50
// clients writing ten records a second the overview's league was recomputed back to back, about a
// core of PostgreSQL, and each caller waited for the run after the current one. An idle server still
// computes afresh for every question, so a user who wrote and then looks sees their write.
const BUSY_REST = 3;
/**
 * How old a dashboard's answer may be while it is being recomputed (overview, peer leagues). On SQLite
 * a city overview takes 3–4 s under load; with 10 s its rest shrank to 2 s and the recomputing kept
 * the list's p95 at 306 ms instead of 148.
 */
export const DASHBOARD_STALE_MS = 30_000;
const MAX_KEPT = 500;

interface Kept {
  value: unknown;
  /** performance.now() when the computation that gave it started. */
  startedAt: number;
}

type Runs = Coalescer<() => Promise<unknown>>;

interface DbReads {
  strict: Runs;
  /** Per staleness limit: the rest after a run depends on it. */
  tolerant: Map<number, Runs>;
  kept: Map<string, Kept>;
}

// Every caller of one key asks for the same computation: the first one's closure runs it.
const first = (computes: (() => Promise<unknown>)[]) => computes[0]!();

const perDb = new WeakMap<Db, DbReads>();

function readsOf(db: Db): DbReads {
  let reads = perDb.get(db);
  if (!reads) {
    reads = { strict: new Coalescer(first), tolerant: new Map(), kept: new Map() };
    perDb.set(db, reads);
  }
  return reads;
}

function tolerantRuns(reads: DbReads, staleMs: number): Runs {
  let runs = reads.tolerant.get(staleMs);
  if (!runs) {
    // The rest never lets the kept answer age past the limit: run, rest, run must fit in staleMs.
    runs = new Coalescer(first, { rest: (last) => Math.max(0, Math.min(BUSY_REST * last, staleMs - 2 * last)) });
    reads.tolerant.set(staleMs, runs);
  }
  return runs;
}

export function sharedRead<T>(
  db: Db,
  key: string,
  compute: () => Promise<T>,
  options: { staleMs?: number } = {},
): Promise<T> {
  const reads = readsOf(db);
  if (!options.staleMs) return reads.strict.run(key, [compute]) as Promise<T>;
  const keeping = async () => {
    const startedAt = performance.now();
    const value = await compute();
    const last = reads.kept.get(key);
    if (!last || last.startedAt < startedAt) {
      if (reads.kept.size >= MAX_KEPT && !last) reads.kept.clear();
      reads.kept.set(key, { value, startedAt });
    }
    return value;
  };
  const tolerant = tolerantRuns(reads, options.staleMs);
  const busy = tolerant.isBusy(key);
  const next = tolerant.run(key, [keeping]) as Promise<T>;
  const last = reads.kept.get(key);
  const fresh = last && performance.now() - last.startedAt <= options.staleMs;
  if (last && !fresh) reads.kept.delete(key);
  if (busy && last && fresh) {
    next.catch(() => {}); // its callers that wait see a failure; this one has its answer
    return Promise.resolve(last.value as T);
  }
  return next;
}
