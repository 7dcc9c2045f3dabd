// SQLite's read connection on its own thread. better-sqlite3 runs a statement synchronously, so on
// the main thread a 300,000-record count or a city's department league (a second of work) held the
// event loop: every other request and the health probe waited (issue #14's load test). The thread
// runs the same Prisma adapter (sqliteReaderWorker.mjs) and answers by message; statements run one
// at a time in arrival order, as they did on the one connection. SQLITE_READER_THREAD=0 keeps the
// connection on the main thread.
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

export class ThreadReader {
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
