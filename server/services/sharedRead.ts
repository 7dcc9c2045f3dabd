import type { Db } from "../db/client";
import { Coalescer } from "./coalesce";

// The dashboards' expensive reads (a city's overview reads every record of the month for its
// department league, ~1 s of PostgreSQL; the county league) are asked by many users at once and
// again on every refresh. One computation per key runs at a time; whoever asks while it runs shares
// the next one, which starts after they asked, so nobody gets an answer older than their question.
// Under 50 clients that turned ten overview computations a second into one at a time.
const perDb = new WeakMap<Db, Coalescer<() => Promise<unknown>>>();

export function sharedRead<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let runs = perDb.get(db);
  if (!runs) {
    // Every caller of one key asks for the same computation: the first one's closure runs it.
    runs = new Coalescer((computes) => computes[0]!());
    perDb.set(db, runs);
  }
  return runs.run(key, [compute]) as Promise<T>;
}
