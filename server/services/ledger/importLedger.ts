import type { SessionUser } from "../../domain/actor";
import { dialectOf, type Db } from "../../db/client";
import { insertLedger } from "../../db/ledgerRepository";
import type { BurdenKind } from "../../domain/burdenKinds";
import { afterRecordsWritten } from "../recordWrites";
import { importPacer } from "./importPacing";
import { validateInWorker } from "./importWorkers";
import type { ImportProgress } from "./validateLedger";

export {
  LedgerRejectedError,
  MAX_LISTED_ERRORS,
  type ImportPhase,
  type ImportProgress,
} from "./validateLedger";
export { ImportInterruptedError } from "./importWorkers";

export interface ImportResult {
  batchId: string;
  rows: number;
  inserted: number;
  duplicates: number;
  violations: number;
}

/**
 * Validates every row first and writes nothing unless all pass; then writes
 * the whole file in one transaction. Rows already imported are skipped.
 * Reading, checking and classifying run in a worker thread; the writes go to
 * the database's writer (on SQLite the only one, on a thread of its own).
 */
export async function importLedger(
  db: Db,
  user: SessionUser,
  input: { kind: BurdenKind; fileName: string; content: Buffer },
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  onProgress({ phase: "reading", done: 0, total: 0 });
  const { rows, fileHash } = await validateInWorker(db, user, input, onProgress);
  const total = rows.length;
  const giveWay = dialectOf(db) === "postgresql" ? importPacer() : null;
  const { batchId, inserted } = await insertLedger(
    db,
    { fileName: input.fileName, fileHash, kind: input.kind, regionCode: user.regionCode, uploadedById: user.id },
    rows,
    { actorId: user.id, actorRole: user.role, regionCode: user.regionCode, action: "IMPORT", entity: "ImportBatch" },
    (written) => {
      onProgress({ phase: "writing", done: written, total });
      return giveWay?.();
    },
  );
  await afterRecordsWritten(db, user, rows, { batchId });
  onProgress({ phase: "done", done: total, total });
  return {
    batchId,
    rows: rows.length,
    inserted,
    duplicates: rows.length - inserted,
    violations: rows.filter((r) => r.isViolation).length,
  };
}
