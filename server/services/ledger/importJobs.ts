import { randomUUID } from "node:crypto";
import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { BurdenKind } from "../../domain/burdenKinds";
import type { RowError } from "../../domain/ledger";
import { UserInputError } from "../errors";
import {
  ImportInterruptedError,
  importLedger,
  LedgerRejectedError,
  type ImportProgress,
  type ImportResult,
} from "./importLedger";

export interface ImportJob {
  id: string;
  userId: string;
  fileName: string;
  progress: ImportProgress;
  result?: ImportResult;
  error?: string;
  rowErrors?: RowError[];
  errorCount?: number;
  finishedAt?: number;
}

const KEEP_MS = 30 * 60_000;
// Route handlers are bundled apart from the server: keep jobs on globalThis.
const globalForJobs = globalThis as typeof globalThis & { __ledgerJobs?: Map<string, ImportJob> };
globalForJobs.__ledgerJobs ??= new Map();
const jobs = globalForJobs.__ledgerJobs;

function prune() {
  const now = Date.now();
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

/** Starts an import in the background; poll `getImportJob` for progress and outcome. */
export function startImportJob(
  db: Db,
  user: SessionUser,
  input: { kind: BurdenKind; fileName: string; content: Buffer },
): ImportJob {
  prune();
  const job: ImportJob = {
    id: randomUUID(),
    userId: user.id,
    fileName: input.fileName,
    progress: { phase: "reading", done: 0, total: 0 },
  };
  jobs.set(job.id, job);
  importLedger(db, user, input, (progress) => (job.progress = progress))
    .then((result) => (job.result = result))
    .catch((error: unknown) => {
      if (error instanceof LedgerRejectedError) {
        job.rowErrors = error.errors;
        job.errorCount = error.errorCount;
      }
      if (error instanceof UserInputError) job.error = error.message;
      else if (error instanceof ImportInterruptedError) {
        console.error(error.cause ?? error);
        job.error = error.message;
      } else {
        console.error(error);
        job.error = "导入失败：服务器内部错误，未写入任何数据";
      }
    })
    .finally(() => (job.finishedAt = Date.now()));
  return job;
}

export function getImportJob(id: string, userId: string): ImportJob | null {
  const job = jobs.get(id);
  return job && job.userId === userId ? job : null;
}
