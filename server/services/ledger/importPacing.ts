// A ledger import gives way to the people using the server. Its write phase on PostgreSQL keeps one
// backend inserting 5,000-row statements into a table of fifteen indexes for half a minute, a whole
// core of a two-core server, while fifty users' pages wait on the other (issue #14's load test:
// record.list p95 300–390 ms during the import, 150 ms after it). When the main thread was busy
// with requests during a chunk, the next chunk waits twice as long as this one took (the import then
// takes at most a third of that backend's time: 38 → 60 s, list p95 314 → 274 ms); an import on an
// otherwise quiet server is not slowed. (SQLite's import holds its only writer, so there it does not wait.)
import { performance } from "node:perf_hooks";

/** Share of the main thread's time spent working during a chunk above which the import rests. */
export const BUSY_UTILISATION = 0.5;
/** How long the import rests after a chunk on a busy server, as a multiple of the chunk's length. */
export const REST_PER_CHUNK = 2;

interface Clock {
  now: () => number;
  utilisation: () => { idle: number; active: number };
  sleep: (ms: number) => Promise<void>;
}

const realClock: Clock = {
  now: () => performance.now(),
  utilisation: () => {
    const { idle, active } = performance.eventLoopUtilization();
    return { idle, active };
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Longest rest after one chunk: a slow chunk (a lock wait) is not a reason to hold the transaction open longer. */
export const MAX_REST_MS = 1_000;
/** After this long writing, the import no longer rests: its transaction must end well inside its 600 s limit. */
export const MAX_PACED_MS = 240_000;

/**
 * Call after each written chunk: resolves at once on a quiet server, after twice the chunk's length (at
 * most MAX_REST_MS) on a busy one. The first call only starts the clock: the first chunk's time includes
 * waiting for the transaction.
 */
export function importPacer(clock: Clock = realClock): () => Promise<void> {
  let first: number | null = null;
  let started = 0;
  let before = { idle: 0, active: 0 };
  return async () => {
    if (first !== null) {
      const took = clock.now() - started;
      const after = clock.utilisation();
      const active = after.active - before.active;
      const spent = active + (after.idle - before.idle);
      const busy = spent > 0 && active / spent > BUSY_UTILISATION;
      if (busy && clock.now() - first < MAX_PACED_MS) await clock.sleep(Math.min(MAX_REST_MS, took * REST_PER_CHUNK));
    }
    started = clock.now();
    first ??= started;
    before = clock.utilisation();
  };
}
