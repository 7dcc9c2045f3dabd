// Runs a ledger's validation in a worker thread (issue #14: a 100,000-row import held the server's
// only event loop for seconds at a time). The workers are kept warm between imports and a crash loses
// only the import under way (importWorkerPool.ts).
import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { LedgerRecordRow } from "../../db/ledgerRepository";
import { UserInputError } from "../errors";
import type { ToMain, ToWorker, WorkerFailure } from "./importProtocol";
import { acquireImportWorker, releaseImportWorker } from "./importWorkerPool";
import { ledgerReferences } from "./ledgerReferences";
import { LedgerRejectedError, type ImportProgress, type LedgerInput, type ValidatedLedger } from "./validateLedger";

export {
  busyImportWorkers,
  installImportWorkers,
  liveImportWorkers,
  stopImportWorkers,
} from "./importWorkerPool";

/** The worker ended before it answered (killed, out of memory, a crash): nothing was written. */
export class ImportInterruptedError extends Error {
  constructor(readonly cause?: unknown) {
    super("导入中断：处理文件的后台线程意外退出，未写入任何数据，请重新导入");
  }
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
  const worker = await acquireImportWorker();
  return new Promise<ValidatedLedger>((resolve, reject) => {
    const rows: LedgerRecordRow[] = [];
    let rowCount = 0;
    let fileHash = "";
    let settled = false;
    // `clean`: the worker sent its job's last message and waits for the next job.
    const settle = (clean: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      releaseImportWorker(worker, clean);
      outcome();
    };
    const ask = (message: ToWorker) => worker.postMessage(message);
    const finishIfComplete = () => {
      if (rows.length < rowCount) ask({ type: "next" });
      else settle(true, () => resolve({ rows, fileHash }));
    };
    const onMessage = (message: ToMain) => {
      switch (message.type) {
        case "progress":
          onProgress(message.progress);
          break;
        case "references":
          ledgerReferences(db, user.regionCode, message.regionCodes).then(
            (references) => ask({ type: "references", references }),
            (error: unknown) => settle(false, () => reject(error)),
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
          settle(true, () => reject(rebuild(message.failure)));
          break;
      }
    };
    const onError = (error: Error) => settle(false, () => reject(new ImportInterruptedError(error)));
    const onExit = () => settle(false, () => reject(new ImportInterruptedError()));
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    ask({ type: "job", input: { ...input, userRegion: user.regionCode } satisfies LedgerInput });
  });
}
