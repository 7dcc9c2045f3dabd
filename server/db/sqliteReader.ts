// SQLite's read connections on their own threads (sqliteThread.ts). On the main thread a 300,000-record
// count or a city's department league (a second of work) held the event loop: every other request and
// the health probe waited (issue #14's load test). A few threads, each with its own connection (WAL
// lets readers run side by side): on one, the health probe's SELECT 1 waited 17 s behind a league's
// reads. A read goes to an idle thread, a new one, or the thread with the fewest reads waiting; the
// dashboards' background reads (readLane.ts) all queue on the first thread, which the others keep off
// while they run.
// SQLITE_READER_THREAD=0 keeps the connection on the main thread; SQLITE_READERS sets the count.
import type { SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";
import { isBackgroundRead } from "./readLane";
import { ThreadConnection, type ThreadOptions } from "./sqliteThread";

const READERS = Math.max(1, Math.min(8, Number(process.env.SQLITE_READERS ?? 3) || 3));

/**
 * The read threads of one database file: one at first, another (up to SQLITE_READERS) when a read
 * arrives and every thread is busy, so a test's database costs one thread and a busy server a few.
 */
export class ReaderPool {
  readonly #readers: ThreadConnection[];
  readonly #opening = new Set<Promise<ThreadConnection>>();
  /** Background reads sent to each thread and not yet answered. */
  readonly #background = new Map<ThreadConnection, number>();

  private constructor(
    first: ThreadConnection,
    private readonly options: ThreadOptions,
    private readonly max: number,
  ) {
    this.#readers = [first];
  }

  static async open(options: ThreadOptions, max = READERS): Promise<ReaderPool> {
    return new ReaderPool(await ThreadConnection.open("reader", options), options, max);
  }

  get alive(): boolean {
    return this.#readers.every((r) => r.alive);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#read(query.sql, (reader) => reader.call("queryRaw", query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#read(query.sql, (reader) => reader.call("executeRaw", query));
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.#opening].map((opening) => opening.catch(() => {})));
    await Promise.all(this.#readers.map((r) => r.dispose()));
  }

  async #read<T>(sql: string, run: (reader: ThreadConnection) => Promise<T>): Promise<T> {
    if (isBackgroundRead(sql)) {
      const reader = this.#readers[0]!;
      this.#background.set(reader, (this.#background.get(reader) ?? 0) + 1);
      try {
        return await run(reader);
      } finally {
        const left = this.#background.get(reader)! - 1;
        if (left > 0) this.#background.set(reader, left);
        else this.#background.delete(reader);
      }
    }
    // Chosen and sent in the same turn, so reads that arrive together see each other as pending.
    const chosen = this.#pick();
    return run(chosen ?? (await this.#grow()));
  }

  /** An idle thread not running background reads; null when another thread should be opened. */
  #pick(): ThreadConnection | null {
    const free = this.#readers.filter((r) => !this.#background.has(r));
    const idle = free.find((r) => r.pending === 0);
    if (idle) return idle;
    if (this.#readers.length + this.#opening.size < this.max) return null;
    const candidates = free.length ? free : this.#readers;
    return candidates.reduce((best, r) => (r.pending < best.pending ? r : best));
  }

  async #grow(): Promise<ThreadConnection> {
    const opening = ThreadConnection.open("reader", this.options);
    this.#opening.add(opening);
    try {
      const added = await opening;
      this.#readers.push(added);
      return added;
    } catch {
      // A thread that will not start leaves the others to serve.
      return this.#readers.reduce((best, r) => (r.pending < best.pending ? r : best));
    } finally {
      this.#opening.delete(opening);
    }
  }
}
