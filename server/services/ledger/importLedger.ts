import { timeSlicer } from "../timeSlice";
import { createHash } from "node:crypto";
import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import { findCatalogueItemsInSubtree, findCatalogueItemsOwnedBy } from "../../db/catalogueSnapshotRepository";
import { insertLedger, type LedgerRecordRow } from "../../db/ledgerRepository";
import { findRegions } from "../../db/regionRepository";
import type { BurdenKind } from "../../domain/burdenKinds";
import { CATALOGUES } from "../../domain/catalogues";
import { recordRow } from "../../domain/burdenRecord";
import {
  buildCatalogueSnapshot,
  snapshotCacheKey,
  type CatalogueItemLike,
  type CatalogueSnapshot,
  type Violation,
  judgeRecord,
} from "../../domain/classification";
import { ledgerColumns, matchHeaders, parseLedgerRow, type RowError } from "../../domain/ledger";
import { ancestorCodesOf } from "../../domain/regions";
import { placeContexts, storedJudgement } from "../judgement";
import { departmentsServing } from "../departments";
import { UserInputError } from "../errors";
import { afterRecordsWritten } from "../recordWrites";
import { readLedgerFile } from "./readLedgerFile";
import { referenceChecker } from "./rowReferences";

export const MAX_LISTED_ERRORS = 500;

export type ImportPhase = "reading" | "validating" | "writing" | "done";

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export class LedgerRejectedError extends UserInputError {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super(`台账校验未通过：共 ${errorCount} 处错误，整份文件未导入`);
  }
}

export interface ImportResult {
  batchId: string;
  rows: number;
  inserted: number;
  duplicates: number;
  violations: number;
}

async function catalogueItemsFor(db: Db, regionCode: string): Promise<CatalogueItemLike[]> {
  const owners = [...ancestorCodesOf(regionCode), regionCode];
  const above = await findCatalogueItemsOwnedBy(db, owners);
  const below = (await Promise.all(CATALOGUES.map((c) => findCatalogueItemsInSubtree(db, regionCode, c))))
    .flat()
    .filter((i) => i.regionCode !== regionCode);
  return [...above, ...below];
}

/**
 * Validates every row first and writes nothing unless all pass; then writes
 * the whole file in one transaction. Rows already imported are skipped.
 */
export async function importLedger(
  db: Db,
  user: SessionUser,
  input: { kind: BurdenKind; fileName: string; content: Buffer },
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  onProgress({ phase: "reading", done: 0, total: 0 });
  const table = await readLedgerFile(input.fileName, input.content);
  const columns = ledgerColumns(input.kind);
  const headerCheck = matchHeaders(columns, table.headers);
  if (headerCheck.errors.length)
    throw new LedgerRejectedError(
      headerCheck.errors.map((reason) => ({ row: 1, column: "表头", reason })),
      headerCheck.errors.length,
    );
  if (table.rows.length === 0) throw new UserInputError("文件中没有数据行");
  const total = table.rows.length;
  // Validation and classification are seconds of CPU: other requests (and /api/health) get in between slices.
  const slice = timeSlicer();

  const errors: RowError[] = [];
  let errorCount = 0;
  const addError = (e: RowError) => {
    errorCount += 1;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };

  const parsed: { rowNumber: number; row: NonNullable<ReturnType<typeof parseLedgerRow>["row"]> }[] = [];
  const unparsed: { rowNumber: number; scope: string | null; department: string | null }[] = [];
  const scopeIndex = columns.findIndex((c) => c.key === "scopeRegionCode");
  const departmentIndex = columns.findIndex((c) => c.key === "department");
  for (const { rowNumber, cells } of table.rows) {
    const ordered = headerCheck.order.map((index) => (index >= 0 ? cells[index] : null));
    const result = parseLedgerRow(input.kind, columns, ordered, rowNumber);
    result.errors.forEach(addError);
    if (result.row) parsed.push({ rowNumber, row: result.row });
    else {
      // Still checked below: every error of a row is listed in one pass.
      const scope = String(ordered[scopeIndex] ?? "").trim();
      unparsed.push({
        rowNumber,
        scope: /^(\d{6}|\d{9}|\d{12})$/.test(scope) ? scope : null,
        department: String(ordered[departmentIndex] ?? "").trim() || null,
      });
    }
    if (rowNumber % 5000 === 0) onProgress({ phase: "validating", done: parsed.length, total });
    if (slice.due()) await slice.giveWay();
  }

  // Regions and departments, looked up once for the whole file.
  const codes = [
    ...new Set([...parsed.map((p) => p.row.scopeRegionCode), ...unparsed.flatMap((u) => (u.scope ? [u.scope] : []))]),
  ];
  const known = new Set<string>();
  for (let i = 0; i < codes.length; i += 500)
    for (const r of await findRegions(db, codes.slice(i, i + 500))) known.add(r.code);
  const departments = new Map<string, { id: string; regionCode: string }[]>();
  for (const d of await departmentsServing(db, user.regionCode))
    departments.set(d.name, [...(departments.get(d.name) ?? []), d]);
  const checkReferences = referenceChecker(user.regionCode, known, departments);
  for (const u of unparsed) checkReferences(u.rowNumber, u.scope, u.department).errors.forEach(addError);

  const items = await catalogueItemsFor(db, user.regionCode);
  const snapshots = new Map<string, CatalogueSnapshot>();
  const occurrences = new Map<string, number>();
  const classifications = new Map<string, ReturnType<typeof storedJudgement>>();
  const places = await placeContexts(db, codes);
  const rows: LedgerRecordRow[] = [];
  for (const { rowNumber, row } of parsed) {
    if (slice.due()) await slice.giveWay();
    const scope = row.scopeRegionCode;
    const { errors: referenceErrors, department } = checkReferences(rowNumber, scope, row.department);
    referenceErrors.forEach(addError);
    if (!department) continue;
    const key = snapshotCacheKey(scope, row.occurredOn);
    let snapshot = snapshots.get(key);
    if (!snapshot) {
      snapshot = buildCatalogueSnapshot(items, scope, row.occurredOn);
      snapshots.set(key, snapshot);
    }
    // Ledgers repeat the same item on thousands of rows: classify each distinct one once per snapshot.
    // Signs and mechanisms carry the village's own name, so the scope is part of the key.
    const classificationKey = `${key}\u0000${scope}\u0000${row.title}\u0000${JSON.stringify(row.details)}`;
    let judged = classifications.get(classificationKey);
    if (!judged) {
      judged = storedJudgement(
        judgeRecord({ kind: input.kind, title: row.title, details: row.details, places: places.get(scope) }, snapshot),
      );
      classifications.set(classificationKey, judged);
    }
    // Identical rows in one file are distinct demands: number their occurrences.
    const content = JSON.stringify([
      input.kind,
      scope,
      department.id,
      row.title,
      row.occurredOn.toISOString(),
      row.units,
      row.details,
      row.evidence,
    ]);
    const nth = (occurrences.get(content) ?? 0) + 1;
    occurrences.set(content, nth);
    rows.push({
      ...recordRow(
        { ...row, kind: input.kind, departmentId: department.id, scopeRegionCode: scope },
        judged.violations as Violation[],
      ),
      ...judged,
      violations: judged.violations as Violation[],
      dedupKey: createHash("sha256").update(`${content}#${nth}`).digest("base64url"),
    });
  }
  onProgress({ phase: "validating", done: total, total });
  const columnOrder = (header: string) => columns.findIndex((c) => c.header === header);
  if (errorCount > 0)
    throw new LedgerRejectedError(
      errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column)),
      errorCount,
    );

  const fileHash = createHash("sha256").update(input.content).digest("hex");
  const { batchId, inserted } = await insertLedger(
    db,
    { fileName: input.fileName, fileHash, kind: input.kind, regionCode: user.regionCode, uploadedById: user.id },
    rows,
    { actorId: user.id, actorRole: user.role, regionCode: user.regionCode, action: "IMPORT", entity: "ImportBatch" },
    (written) => onProgress({ phase: "writing", done: written, total }),
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
