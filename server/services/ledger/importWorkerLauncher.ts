// Starts one ledger import worker. Kept out of every module Next bundles: Turbopack treats a
// `new Worker(file)` as an entry to bundle, and bundling the boot file pulls in tsx and esbuild's
// binary (the build failed). The custom server imports this module and hands the function over
// through globalThis (importWorkers.ts); Vitest and the CLIs load it directly.
import path from "node:path";
import { Worker } from "node:worker_threads";

export function launchImportWorker(directory: string, workerData: unknown): Worker {
  return new Worker(path.join(directory, "importWorkerBoot.mjs"), { workerData });
}
