// Runs a ledger's validation in a worker thread (issue #14: a 100,000-row import held the server's
// only event loop for seconds at a time). One fresh worker per import: its memory (the inflated
// workbook, every parsed row) is returned when it exits, and a crash loses only that import.
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
import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { LedgerRecordRow } from "../../db/ledgerRepository";
import { UserInputError } from "../errors";
import type { ToMain, ToWorker, WorkerFailure } from "./importProtocol";
import { ledgerReferences } from "./ledgerReferences";
import { LedgerRejectedError, type ImportProgress, type LedgerInput, type ValidatedLedger } from "./validateLedger";

/** The worker ended before it answered (killed, out of memory, a crash): nothing was written. */
export class ImportInterruptedError extends Error {
  constructor(readonly cause?: unknown) {
    super("导入中断：处理文件的后台线程意外退出，未写入任何数据，请重新导入");
  }
}

type Launch = (directory: string, workerData: unknown) => Worker;

interface ImportWorkers {
  directory: string;
  launch?: Launch;
  live: Set<Worker>;
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

/** Workers running now (the server ends them on shutdown). */
export function liveImportWorkers(): ReadonlySet<Worker> {
  return installImportWorkers().live;
}

export async function stopImportWorkers(): Promise<void> {
  await Promise.all([...liveImportWorkers()].map((w) => w.terminate()));
}

async function takeTurn(workers: ImportWorkers): Promise<void> {
  while (workers.live.size >= workers.limit) await new Promise<void>((resolve) => workers.waiting.push(resolve));
}

function rebuild(failure: WorkerFailure): Error {
  if (failure.kind === "rejected") return new LedgerRejectedError(failure.errors, failure.errorCount);
  if (failure.kind === "input") return new UserInputError(failure.message);
  return new Error(`导入线程出错：${failure.message}`);
}

/** Validates the file in a worker; answers the rows to write, or throws as `validateLedger` does. */
export async function validateInWorker(
  db: Db,
  user: SessionUser,
  input: Omit<LedgerInput, "userRegion">,
  onProgress: (progress: ImportProgress) => void,
): Promise<ValidatedLedger> {
  const workers = installImportWorkers();
  await takeTurn(workers);
  const launch = await launcherOf(workers);
  const worker = launch(workers.directory, {
    entry: path.join(workers.directory, "importWorker.ts"),
    input: { ...input, userRegion: user.regionCode } satisfies LedgerInput,
  });
  workers.live.add(worker);
  return new Promise<ValidatedLedger>((resolve, reject) => {
    const rows: LedgerRecordRow[] = [];
    let rowCount = 0;
    let fileHash = "";
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    const ask = (message: ToWorker) => worker.postMessage(message);
    const finishIfComplete = () => {
      if (rows.length < rowCount) ask({ type: "next" });
      else settle(() => resolve({ rows, fileHash }));
    };
    worker.on("message", (message: ToMain) => {
      switch (message.type) {
        case "progress":
          onProgress(message.progress);
          break;
        case "references":
          ledgerReferences(db, user.regionCode, message.regionCodes).then(
            (references) => ask({ type: "references", references }),
            (error: unknown) => settle(() => reject(error)),
          );
          break;
        case "validated":
          rowCount = message.rowCount;
          fileHash = message.fileHash;
          finishIfComplete();
          break;
        case "rows":
          for (const row of message.rows) rows.push(row);
          finishIfComplete();
          break;
        case "failed":
          settle(() => reject(rebuild(message.failure)));
          break;
      }
    });
    worker.on("error", (error) => settle(() => reject(new ImportInterruptedError(error))));
    worker.on("exit", () => {
      workers.live.delete(worker);
      workers.waiting.shift()?.();
      settle(() => reject(new ImportInterruptedError()));
    });
  });
}
