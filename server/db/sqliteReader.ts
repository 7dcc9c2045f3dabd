// SQLite's read connections on their own threads (sqliteThread.ts). On the main thread a 300,000-record
// count or a city's department league (a second of work) held the event loop: every other request and
// the health probe waited (issue #14's load test). A few threads, each with its own connection (WAL
// lets readers run side by side): on one, the health probe's SELECT 1 waited 17 s behind a league's
// reads. A read goes to the thread with the fewest reads waiting.
// SQLITE_READER_THREAD=0 keeps the connection on the main thread; SQLITE_READERS sets the count.
import type { SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";
import { ThreadConnection, type ThreadOptions } from "./sqliteThread";

const READERS = Math.max(1, Math.min(8, Number(process.env.SQLITE_READERS ?? 3) || 3));

/**
 * The read threads of one database file: one at first, another (up to SQLITE_READERS) when a read
 * arrives and every thread is busy, so a test's database costs one thread and a busy server a few.
 */
export class ReaderPool {
  readonly #readers: ThreadConnection[];
  #opening: Promise<ThreadConnection> | null = null;

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

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return (await this.#reader()).call("queryRaw", query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return (await this.#reader()).call("executeRaw", query);
  }

  async dispose(): Promise<void> {
    await this.#opening?.catch(() => {});
    await Promise.all(this.#readers.map((r) => r.dispose()));
  }

  async #reader(): Promise<ThreadConnection> {
    const idle = this.#readers.find((r) => r.pending === 0);
    if (idle) return idle;
    if (this.#readers.length + (this.#opening ? 1 : 0) < this.max) {
      this.#opening = ThreadConnection.open("reader", this.options);
      try {
        const added = await this.#opening;
        this.#readers.push(added);
        return added;
      } catch {
        // A thread that will not start leaves the others to serve.
      } finally {
        this.#opening = null;
      }
    }
    return this.#readers.reduce((best, r) => (r.pending < best.pending ? r : best));
  }
}
