// Starts the SQLite read thread. Kept out of every module Next bundles (Turbopack treats a
// `new Worker(file)` as an entry to bundle, see services/ledger/importWorkerLauncher.ts):
// sqliteReader.ts loads it with an import the bundler ignores.
import { Worker } from "node:worker_threads";

export function launchSqliteReader(workerData: { file: string; timeout: number }): Worker {
  return new Worker(new URL("./sqliteReaderWorker.mjs", import.meta.url), { workerData });
}
