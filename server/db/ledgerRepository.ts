import { randomUUID } from "node:crypto";
import type { ClassifiedRecord } from "./burdenRepository";
import { dialectOf, type Db } from "./client";
import { bulkInsertJson } from "./bulk";
import { insertAudit, type AuditEntry } from "./auditRepository";
import { accumulate, batchFilter, recordsFilter } from "./metricRepository";

export interface LedgerRecordRow extends ClassifiedRecord {
  evidence: string | null;
  dedupKey: string;
}

const COLUMNS = [
  "id",
  "kind",
  "departmentId",
  "scopeRegionCode",
  "scopeLevel",
  "title",
  "details",
  "units",
  "occurredOn",
  "period",
  "evidence",
  "status",
  "isViolation",
  "violations",
  "dedicatedPost",
  "source",
  "dedupKey",
  "importBatchId",
  "version",
  "createdById",
  "createdAt",
  "updatedAt",
  "needsReview",
  "reviews",
  "judgement",
  "catalogueItem",
] as const;

/**
 * Inserts a whole ledger in one transaction; rows whose dedupKey exists are
 * skipped, so importing the same file twice adds nothing. Returns rows added.
 */
export async function insertLedger(
  db: Db,
  batch: { fileName: string; fileHash: string; kind: string; regionCode: string; uploadedById: string },
  rows: LedgerRecordRow[],
  audit: Omit<AuditEntry, "entityId" | "after">,
  /** After each chunk; the next waits for it (an import may give way to a busy server). */
  onProgress: (written: number) => void | Promise<void>,
): Promise<{ batchId: string; inserted: number }> {
  return db.$transaction(
    async (tx) => {
      const created = await tx.importBatch.create({ data: { ...batch, rowCount: rows.length } });
      const now = new Date();
      let inserted = 0;
      // Small statements: SQLite runs each synchronously (on the main thread when SQLITE_WRITER_THREAD=0), and
      // the event loop gets a turn between them; on PostgreSQL building and sending a 5,000-row statement's
      // JSON (2–4 MB) held the event loop for each chunk (load test record.list p95 274–360 ms, 208 ms at 1,000).
      const sqlite = dialectOf(tx) === "sqlite";
      const chunk = 1000;
      for (let start = 0; start < rows.length; start += chunk) {
        const ids = rows.slice(start, start + chunk).map(() => randomUUID());
        const values = rows
          .slice(start, start + chunk)
          .map((r, i) => [
            ids[i]!,
            r.kind,
            r.departmentId,
            r.scopeRegionCode,
            r.scopeLevel,
            r.title,
            r.details,
            r.units,
            r.occurredOn,
            r.period,
            r.evidence,
            "ACTIVE",
            r.isViolation,
            r.violations,
            r.dedicatedPost,
            "IMPORT",
            r.dedupKey,
            created.id,
            1,
            batch.uploadedById,
            now,
            now,
            r.needsReview ?? false,
            (r.reviews ?? []) as object,
            (r.judgement ?? null) as object | null,
            r.catalogueItem ?? null,
          ]);
        inserted += await bulkInsertJson(tx, "BurdenRecord", COLUMNS, "dedupKey", values, chunk);
        // Rows skipped as duplicates never got these ids, so only this chunk's new rows are counted.
        if (sqlite) await accumulate(tx, recordsFilter(ids), 1);
        await onProgress(Math.min(rows.length, start + chunk));
        if (sqlite) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await tx.importBatch.update({ where: { id: created.id }, data: { rowCount: inserted } });
      if (!sqlite) await accumulate(tx, batchFilter(created.id), 1);
      await insertAudit(tx, { ...audit, entityId: created.id, after: { ...batch, rows: rows.length, inserted } });
      return { batchId: created.id, inserted };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
