// One SQLite file, two connections. The library's adapter has one connection and serialises only
// interactive transactions: a statement outside a transaction that arrived while another request's
// transaction was open ran inside it, so reads saw rows that were later rolled back, and a write
// answered "done" and was then rolled back with that transaction (issue #14).
// Here reads outside a transaction go to a second, query-only connection (WAL: it reads the last
// committed state and never waits for the writer); writes outside a transaction take the same turn
// as transactions, so they run between them; transactions keep the writer. Both connections run on
// threads of their own (sqliteReader.ts, sqliteWriter.ts), so no statement holds the event loop.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { ReaderPool } from "./sqliteReader";
import type { ThreadOptions } from "./sqliteThread";
import { ThreadWriter } from "./sqliteWriter";
import { changesJournalMode, runsOnWriter, StatementClassifier } from "./sqliteStatements";

/** What a read needs of a connection: the library's adapter on this thread, or the read thread. */
type ReadConnection = Pick<SqlDriverAdapter, "queryRaw" | "executeRaw" | "dispose"> & { readonly alive?: boolean };

/** The file, the busy_timeout of every connection (ms) and, for tests, how its threads start. */
type ConnectionOptions = ThreadOptions;

/** Hands out the writer one holder at a time, in arrival order. */
class WriterTurn {
  #last: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const granted = this.#last.then(() => release);
    this.#last = this.#last.then(() => released);
    return granted;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** The query-only connection and the one that compiles statements to classify them. */
class ReadSide {
  closed = false;
  readonly classifier: StatementClassifier;

  constructor(
    readonly reader: ReadConnection,
    private readonly compiler: Database.Database,
  ) {
    this.classifier = new StatementClassifier(compiler);
  }

  static async open(options: ConnectionOptions): Promise<ReadSide> {
    const { file, timeout } = options;
    const reader = await openReader(options);
    const compiler = new Database(file, { timeout, fileMustExist: true });
    compiler.pragma("query_only = ON");
    return new ReadSide(reader, compiler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.compiler.close();
    await this.reader.dispose();
  }
}

async function openReader(options: ConnectionOptions): Promise<ReadConnection> {
  if (process.env.SQLITE_READER_THREAD !== "0") return ReaderPool.open(options);
  const { file, timeout } = options;
  const reader = await new PrismaBetterSqlite3({ url: file, timeout, fileMustExist: true }).connect();
  await reader.executeRaw({ sql: "PRAGMA query_only = ON", args: [], argTypes: [] });
  return reader;
}

/** A transaction on the writer that gives the writer's turn back when it ends. */
class WriterTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly options: Transaction["options"];

  constructor(
    private readonly inner: Transaction,
    private readonly releaseTurn: () => void,
  ) {
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async commit(): Promise<void> {
    try {
      await this.inner.commit();
    } finally {
      this.releaseTurn();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.inner.rollback();
    } finally {
      this.releaseTurn();
    }
  }

  async createSavepoint(name: string): Promise<void> {
    await this.inner.createSavepoint?.(name);
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.inner.rollbackToSavepoint?.(name);
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.inner.releaseSavepoint?.(name);
  }
}

class SplitSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #writer: SqlDriverAdapter;
  readonly #options: ConnectionOptions;
  readonly #turn = new WriterTurn();
  // Opened at the first read and closed for a change of journal mode, then opened again.
  #readSide: Promise<ReadSide> | undefined;
  // While the journal mode changes, no read may open the read side: the change needs the file alone.
  #journalChange: Promise<void> | undefined;

  constructor(writer: SqlDriverAdapter, options: ConnectionOptions) {
    this.#writer = writer;
    this.#options = options;
    this.adapterName = writer.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#route(query.sql, (connection) => connection.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#route(query.sql, (connection) => connection.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#onWriter(script, () => this.#writer.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#turn.acquire();
    try {
      return new WriterTransaction(await this.#writer.startTransaction(isolationLevel), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  async dispose(): Promise<void> {
    await this.#closeReadSide();
    // Last, so that closing it checkpoints the WAL into the file and removes it.
    await this.#writer.dispose();
  }

  async #route<T>(sql: string, run: (connection: ReadConnection) => Promise<T>): Promise<T> {
    while (!runsOnWriter(sql)) {
      if (this.#journalChange) {
        await this.#journalChange;
        continue;
      }
      const side = await this.#openReadSide();
      if (side.reader.alive === false) {
        // The read thread died (it is not expected to): the next read opens another.
        if (!side.closed) await this.#closeReadSide();
        continue;
      }
      if (side.closed || this.#journalChange) continue;
      if (!side.classifier.readsOnly(sql)) break;
      // A close sent now reaches the read thread after this statement, so it cannot come in between.
      return run(side.reader);
    }
    return this.#onWriter(sql, () => run(this.#writer));
  }

  #onWriter<T>(sql: string, work: () => Promise<T>): Promise<T> {
    return this.#turn.run(async () => {
      if (!changesJournalMode(sql)) return work();
      const change = this.#closeReadSide().then(work);
      this.#journalChange = change.then(
        () => {},
        () => {},
      );
      try {
        return await change;
      } finally {
        this.#journalChange = undefined;
      }
    });
  }

  #openReadSide(): Promise<ReadSide> {
    if (!this.#readSide) {
      const opening = ReadSide.open(this.#options);
      this.#readSide = opening;
      // A failed open is not kept: the next read tries again.
      opening.catch(() => {
        if (this.#readSide === opening) this.#readSide = undefined;
      });
    }
    return this.#readSide;
  }

  async #closeReadSide(): Promise<void> {
    const opening = this.#readSide;
    this.#readSide = undefined;
    if (opening) await (await opening.catch(() => undefined))?.close();
  }
}

/**
 * Prisma's adapter factory for one SQLite file: a writer connection for transactions and writes,
 * and query-only readers for reads outside transactions, each on its own thread (see the top of this file).
 */
export class SplitSqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  // The library's own factory, on the main thread: the shadow database's, and the writer's with SQLITE_WRITER_THREAD=0.
  readonly #onMainThread: PrismaBetterSqlite3;
  readonly #options: ConnectionOptions;

  constructor(options: ConnectionOptions) {
    this.#options = options;
    this.#onMainThread = new PrismaBetterSqlite3({ url: options.file, timeout: options.timeout });
    this.adapterName = this.#onMainThread.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    // The writer first: it creates the file the reader opens.
    const writer =
      process.env.SQLITE_WRITER_THREAD === "0"
        ? await this.#onMainThread.connect()
        : await ThreadWriter.open(this.#options, this.adapterName);
    return new SplitSqliteAdapter(writer, this.#options);
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#onMainThread.connectToShadowDb();
  }
}
