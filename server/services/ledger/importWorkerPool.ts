// The ledger import workers of this process. Starting one costs ≈ 2.7 s of CPU (tsx, the classifier,
// the segmenter's dictionary), more than validating a small file, so a worker that finished a job
// cleanly stays warm for the next. A worker runs one job at a time; at most `limit` run at once.
// A worker that crashed, was killed or left a job half-way is never reused: its exit drops it here and
// the next job starts a fresh one. An idle worker is unref'd (it never keeps a process alive) and
// exits after IDLE_MS, returning the memory of the last file it held.
//
// Finding the worker: Next bundles route handlers, and in the bundle this module's own location says
// nothing about where the source lies, and a `new Worker(...)` in bundled code is bundled as an entry.
// The custom server (server/app.ts) runs under tsx and calls `installImportWorkers(launchImportWorker)`
// at startup, which records the source directory and the launcher on globalThis, the same way the
// database client is shared (db/client.ts); route bundles then find both there. Vitest and the CLIs
// run the source directly: the directory from `import.meta.url` is right, and the launcher is loaded
// on first use.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";

type Launch = (directory: string, workerData: unknown) => Worker;

const IDLE_MS = 60_000;

interface ImportWorkers {
  directory: string;
  launch?: Launch;
  /** Started and not yet exited, busy or idle. */
  live: Set<Worker>;
  busy: Set<Worker>;
  /** Warm workers waiting for a job, with the timer that ends each. */
  idle: Map<Worker, NodeJS.Timeout>;
  waiting: (() => void)[];
  limit: number;
}

const globalForWorkers = globalThis as typeof globalThis & { __ledgerImportWorkers?: ImportWorkers };

function sourceDirectory(): string {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    if (fs.existsSync(path.join(here, "importWorker.ts"))) return here;
  } catch {
    // A bundle's module URL need not be a file URL: fall back to the project root the server runs in.
  }
  return path.join(process.cwd(), "server", "services", "ledger");
}

/** Called by the custom server before Next loads, so bundled routes find the worker's source. */
export function installImportWorkers(launch?: Launch): ImportWorkers {
  globalForWorkers.__ledgerImportWorkers ??= {
    directory: sourceDirectory(),
    live: new Set(),
    busy: new Set(),
    idle: new Map(),
    waiting: [],
    // Each import is seconds of one core's work; more at once would take the cores from the requests.
    limit: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
  };
  if (launch) globalForWorkers.__ledgerImportWorkers.launch = launch;
  return globalForWorkers.__ledgerImportWorkers;
}

async function launcherOf(workers: ImportWorkers): Promise<Launch> {
  if (!workers.launch) {
    // Only outside the built server (Vitest, CLIs under tsx): there the relative path is this file's.
    const launcherModule = "./importWorkerLauncher.ts";
    const loaded: { launchImportWorker: Launch } = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ launcherModule
    );
    workers.launch = loaded.launchImportWorker;
  }
  return workers.launch;
}

/** Workers alive now, busy or idle (the server ends them on shutdown). */
export function liveImportWorkers(): ReadonlySet<Worker> {
  return installImportWorkers().live;
}

/** Workers running a job now. */
export function busyImportWorkers(): ReadonlySet<Worker> {
  return installImportWorkers().busy;
}

export async function stopImportWorkers(): Promise<void> {
  await Promise.all([...liveImportWorkers()].map((w) => w.terminate()));
}

function forget(workers: ImportWorkers, worker: Worker): void {
  workers.live.delete(worker);
  clearTimeout(workers.idle.get(worker));
  workers.idle.delete(worker);
  if (workers.busy.delete(worker)) workers.waiting.shift()?.();
}

function start(workers: ImportWorkers, launch: Launch): Worker {
  const worker = launch(workers.directory, { entry: path.join(workers.directory, "importWorker.ts") });
  workers.live.add(worker);
  worker.once("exit", () => forget(workers, worker));
  // Job listeners come and go; without one an error event would be thrown at the process.
  worker.on("error", () => {});
  return worker;
}

/** A worker for one job: a warm one if any is idle, else a new one once fewer than `limit` are busy. */
export async function acquireImportWorker(): Promise<Worker> {
  const workers = installImportWorkers();
  const launch = await launcherOf(workers);
  while (workers.busy.size >= workers.limit) await new Promise<void>((resolve) => workers.waiting.push(resolve));
  const [warm] = workers.idle.keys();
  let worker: Worker;
  if (warm) {
    clearTimeout(workers.idle.get(warm));
    workers.idle.delete(warm);
    worker = warm;
  } else worker = start(workers, launch);
  workers.busy.add(worker);
  // A job under way keeps the process alive, as a request does.
  worker.ref();
  return worker;
}

/**
 * Hands the worker back after a job. `clean`: the worker answered the job to its end and waits for
 * the next; anything else (a failure on this side mid-protocol, a crash) ends it.
 */
export function releaseImportWorker(worker: Worker, clean: boolean): void {
  const workers = installImportWorkers();
  if (!workers.busy.delete(worker)) return;
  if (clean && workers.live.has(worker)) {
    worker.unref();
    const timer = setTimeout(() => void worker.terminate(), IDLE_MS);
    timer.unref();
    workers.idle.set(worker, timer);
  } else void worker.terminate();
  workers.waiting.shift()?.();
}
