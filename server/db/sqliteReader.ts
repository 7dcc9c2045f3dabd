// SQLite's read connection on its own thread. better-sqlite3 runs a statement synchronously, so on
// the main thread a 300,000-record count or a city's department league (a second of work) held the
// event loop: every other request and the health probe waited (issue #14's load test). The thread
// runs the same Prisma adapter (sqliteReaderWorker.mjs) and answers by message. A few threads, each
// with its own connection (WAL lets readers run side by side): on one, the health probe's SELECT 1
// waited 17 s behind a league's reads. A read goes to the thread with the fewest reads waiting.
// SQLITE_READER_THREAD=0 keeps the connection on the main thread; SQLITE_READERS sets the count.
import { type SqlQuery, type SqlResultSet, DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { Worker } from "node:worker_threads";

type Launch = (workerData: { file: string; timeout: number }) => Worker;

interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  result?: unknown;
  error?: { name: string; message: string; cause?: unknown };
}

function rebuilt(error: NonNullable<Reply["error"]>): Error {
  if (error.cause) return new DriverAdapterError(error.cause as ConstructorParameters<typeof DriverAdapterError>[0]);
  return Object.assign(new Error(error.message), { name: error.name });
}

async function launcher(): Promise<Launch> {
  const launcherModule = "./sqliteReaderLauncher.ts";
  const loaded: { launchSqliteReader: Launch } = await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ launcherModule
  );
  return loaded.launchSqliteReader;
}

const READERS = Math.max(1, Math.min(8, Number(process.env.SQLITE_READERS ?? 3) || 3));

/**
 * The read threads of one database file: one at first, another (up to SQLITE_READERS) when a read
 * arrives and every thread is busy, so a test's database costs one thread and a busy server a few.
 */
export class ReaderPool {
  readonly #readers: ThreadReader[];
  #opening: Promise<ThreadReader> | null = null;

  private constructor(
    first: ThreadReader,
    private readonly options: { file: string; timeout: number },
    private readonly max: number,
  ) {
    this.#readers = [first];
  }

  static async open(options: { file: string; timeout: number }, max = READERS): Promise<ReaderPool> {
    return new ReaderPool(await ThreadReader.open(options), options, max);
  }

  get alive(): boolean {
    return this.#readers.every((r) => r.alive);
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return (await this.#reader()).queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return (await this.#reader()).executeRaw(query);
  }

  async dispose(): Promise<void> {
    await this.#opening?.catch(() => {});
    await Promise.all(this.#readers.map((r) => r.dispose()));
  }

  async #reader(): Promise<ThreadReader> {
    const idle = this.#readers.find((r) => r.pending === 0);
    if (idle) return idle;
    if (this.#readers.length + (this.#opening ? 1 : 0) < this.max) {
      this.#opening = ThreadReader.open(this.options);
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

class ThreadReader {
  #next = 0;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #dead: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const call = reply.id === undefined ? undefined : this.#pending.get(reply.id);
      if (!call) return;
      this.#settled(reply.id!);
      if (reply.ok) call.resolve(reply.result);
      else call.reject(rebuilt(reply.error!));
    });
    const fail = (error: Error) => {
      this.#dead ??= error;
      for (const [id, call] of this.#pending) {
        this.#settled(id);
        call.reject(new Error(`数据库读取线程已停止：${error.message}`));
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`退出码 ${code}`)));
    // Idle, the thread must not keep a command-line tool running; while a read is pending it must.
    worker.unref();
  }

  static async open(options: { file: string; timeout: number }): Promise<ThreadReader> {
    const worker = (await launcher())(options);
    const ready = await new Promise<Reply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    if (!ready.ready) {
      await worker.terminate();
      throw rebuilt(ready.error ?? { name: "Error", message: "数据库读取线程未能启动" });
    }
    return new ThreadReader(worker);
  }

  /** Reads sent and not yet answered. */
  get pending(): number {
    return this.#pending.size;
  }

  /** False once the thread has died: the adapter opens a new one. */
  get alive(): boolean {
    return this.#dead === null;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#call("query", query) as Promise<SqlResultSet>;
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#call("execute", query) as Promise<number>;
  }

  /** Waits for the reads under way, closes the connection, ends the thread. */
  async dispose(): Promise<void> {
    if (this.alive) await this.#call("close").catch(() => {});
    await this.worker.terminate();
  }

  #call(op: "query" | "execute" | "close", query?: SqlQuery): Promise<unknown> {
    if (this.#dead) return Promise.reject(new Error(`数据库读取线程已停止：${this.#dead.message}`));
    const id = this.#next++;
    if (this.#pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, query });
    });
  }

  #settled(id: number) {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.worker.unref();
  }
}
