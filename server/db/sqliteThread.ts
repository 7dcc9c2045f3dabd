// One SQLite connection on a thread of its own (sqliteThreadWorker.mjs): better-sqlite3 runs every
// statement synchronously, so on the main thread a long read or the import's 1,000-row inserts held
// the event loop and every other request waited (issue #14). The thread runs the same Prisma adapter
// and answers by message; the read side (sqliteReader.ts) and the writer (sqliteWriter.ts) use it.
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { Worker } from "node:worker_threads";

/** A reader opens the file query-only; the writer may create it. */
export type ThreadRole = "reader" | "writer";

export interface ThreadData {
  file: string;
  timeout: number;
  role: ThreadRole;
}

export type LaunchThread = (workerData: ThreadData) => Worker;

export interface ThreadOptions {
  file: string;
  timeout: number;
  /** How the thread starts; tests pass one that keeps the Worker to stop it. */
  launch?: LaunchThread;
}

interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  result?: unknown;
  error?: { name: string; message: string; cause?: unknown };
}

/** A DriverAdapterError comes back as one, so that Prisma maps it (P2002 and the rest) as on the main thread. */
function rebuilt(error: NonNullable<Reply["error"]>): Error {
  if (error.cause) return new DriverAdapterError(error.cause as ConstructorParameters<typeof DriverAdapterError>[0]);
  return Object.assign(new Error(error.message), { name: error.name });
}

async function defaultLauncher(): Promise<LaunchThread> {
  const launcherModule = "./sqliteThreadLauncher.ts";
  const loaded: { launchSqliteThread: LaunchThread } = await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ launcherModule
  );
  return loaded.launchSqliteThread;
}

const ROLE_NAMES: Record<ThreadRole, string> = { reader: "读取", writer: "写入" };

export class ThreadConnection {
  #next = 0;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #dead: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly role: ThreadRole,
  ) {
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
        call.reject(this.#stopped());
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`退出码 ${code}`)));
    // Idle, the thread must not keep a command-line tool running; while a call is pending it must.
    worker.unref();
  }

  static async open(role: ThreadRole, { file, timeout, launch }: ThreadOptions): Promise<ThreadConnection> {
    const worker = (launch ?? (await defaultLauncher()))({ file, timeout, role });
    const ready = await new Promise<Reply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    if (!ready.ready) {
      await worker.terminate();
      throw rebuilt(ready.error ?? { name: "Error", message: `数据库${ROLE_NAMES[role]}线程未能启动` });
    }
    return new ThreadConnection(worker, role);
  }

  /** Calls sent and not yet answered. */
  get pending(): number {
    return this.#pending.size;
  }

  /** False once the thread has died: its owner opens a new one. */
  get alive(): boolean {
    return this.#dead === null;
  }

  /** Calls `method` of the thread's connection, or of its transaction number `transaction`. */
  call<T>(method: string, arg?: unknown, transaction?: number): Promise<T> {
    if (this.#dead) return Promise.reject(this.#stopped());
    const id = this.#next++;
    if (this.#pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, method, arg, transaction });
    });
  }

  /** Waits for the calls under way, closes the connection, ends the thread. */
  async dispose(): Promise<void> {
    if (this.alive) await this.call("dispose").catch(() => {});
    await this.worker.terminate();
  }

  #stopped(): Error {
    return new Error(`数据库${ROLE_NAMES[this.role]}线程已停止：${this.#dead?.message}`);
  }

  #settled(id: number) {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.worker.unref();
  }
}
