// Starts a SQLite connection's thread. Kept out of every module Next bundles (Turbopack treats a
// `new Worker(file)` as an entry to bundle, see services/ledger/importWorkerLauncher.ts):
// sqliteThread.ts loads it with an import the bundler ignores.
import { Worker } from "node:worker_threads";
import type { ThreadData } from "./sqliteThread";

export function launchSqliteThread(workerData: ThreadData): Worker {
  return new Worker(new URL("./sqliteThreadWorker.mjs", import.meta.url), { workerData });
}
