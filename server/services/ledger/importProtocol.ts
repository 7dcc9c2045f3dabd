// Messages between the main thread and the ledger import worker.
import type { LedgerRecordRow } from "../../db/ledgerRepository";
import type { RowError } from "../../domain/ledger";
import type { ImportProgress, LedgerInput, LedgerReferences } from "./validateLedger";

export type WorkerFailure =
  | { kind: "rejected"; message: string; errors: RowError[]; errorCount: number }
  | { kind: "input"; message: string }
  | { kind: "internal"; message: string };

export type ToMain =
  | { type: "progress"; progress: ImportProgress }
  | { type: "references"; regionCodes: string[] }
  | { type: "validated"; rowCount: number; fileHash: string }
  | { type: "rows"; rows: LedgerRecordRow[] }
  | { type: "failed"; failure: WorkerFailure };

export type ToWorker =
  | { type: "job"; input: LedgerInput }
  | { type: "references"; references: LedgerReferences }
  | { type: "next" };
