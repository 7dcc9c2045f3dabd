// SQLite's writer connection on its own thread (sqliteThread.ts): transactions, the import's 1,000-row
// inserts, the aggregate updates and every plain write ran synchronously on the main thread, so while
// an import wrote, the health probe and every page waited (issue #14's load test: health p99 1.83 s).
// The thread keeps the library's Transaction objects and the main thread names them by number.
// SQLITE_WRITER_THREAD=0 keeps the writer on the main thread.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { ThreadConnection, type ThreadOptions } from "./sqliteThread";

/** The writer's adapter: each call goes to the thread, a new one if the last has died. */
export class ThreadWriter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  #thread: Promise<ThreadConnection>;

  private constructor(
    first: ThreadConnection,
    private readonly options: ThreadOptions,
    readonly adapterName: string,
  ) {
    this.#thread = Promise.resolve(first);
  }

  static async open(options: ThreadOptions, adapterName: string): Promise<ThreadWriter> {
    return new ThreadWriter(await ThreadConnection.open("writer", options), options, adapterName);
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return (await this.#live()).call("queryRaw", query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return (await this.#live()).call("executeRaw", query);
  }

  async executeScript(script: string): Promise<void> {
    await (await this.#live()).call("executeScript", script);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const thread = await this.#live();
    const begun = await thread.call<{ transaction: number; options: Transaction["options"] }>(
      "startTransaction",
      isolationLevel,
    );
    return new ThreadTransaction(thread, begun.transaction, begun.options, this.adapterName);
  }

  async dispose(): Promise<void> {
    await (await this.#thread.catch(() => undefined))?.dispose();
  }

  async #live(): Promise<ThreadConnection> {
    const current = this.#thread;
    const thread = await current.catch(() => undefined);
    if (thread?.alive) return thread;
    // The thread died (it is not expected to) or would not start: this call opens another. A
    // transaction open on the dead one stays bound to it, so its calls fail and nothing of it commits.
    if (this.#thread === current) this.#thread = ThreadConnection.open("writer", this.options);
    return this.#thread;
  }
}

/** One of the library's transactions, kept on the writer's thread under its number. */
class ThreadTransaction implements Transaction {
  readonly provider = "sqlite" as const;

  constructor(
    private readonly thread: ThreadConnection,
    private readonly number: number,
    readonly options: Transaction["options"],
    readonly adapterName: string,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.thread.call("queryRaw", query, this.number);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.thread.call("executeRaw", query, this.number);
  }

  commit(): Promise<void> {
    return this.thread.call("commit", undefined, this.number);
  }

  rollback(): Promise<void> {
    return this.thread.call("rollback", undefined, this.number);
  }

  createSavepoint(name: string): Promise<void> {
    return this.thread.call("createSavepoint", name, this.number);
  }

  rollbackToSavepoint(name: string): Promise<void> {
    return this.thread.call("rollbackToSavepoint", name, this.number);
  }

  releaseSavepoint(name: string): Promise<void> {
    return this.thread.call("releaseSavepoint", name, this.number);
  }
}
