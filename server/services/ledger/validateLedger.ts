// Everything an import does before it writes: read the file, parse, check references, classify.
// It runs in the import worker (importWorker.ts), so it must not load the database layer: the
// reference data it needs comes from the main thread through `references`.
import { createHash } from "node:crypto";
import type { LedgerRecordRow } from "../../db/ledgerRepository";
import type { BurdenKind } from "../../domain/burdenKinds";
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
import type { PlaceContext } from "../../domain/matching/normalise";
import { UserInputError } from "../errors";
import { storedJudgement } from "../storedJudgement";
import { readLedgerFile } from "./readLedgerFile";
import { referenceChecker, type ServingDepartment } from "./rowReferences";

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

export interface LedgerInput {
  kind: BurdenKind;
  fileName: string;
  content: Uint8Array;
  /** The importing user's region: rows must lie within it. */
  userRegion: string;
}

/** What the database knows about the regions a file names, and what the user's scope offers. */
export interface LedgerReferences {
  knownRegions: Set<string>;
  departments: (ServingDepartment & { name: string })[];
  catalogueItems: CatalogueItemLike[];
  places: Map<string, PlaceContext>;
}

export interface ValidatedLedger {
  rows: LedgerRecordRow[];
  fileHash: string;
}

/**
 * Validates every row and throws `LedgerRejectedError` listing all errors, or answers the rows to
 * write, classified and keyed for dedup. `references` is asked once, with every region code named.
 */
export async function validateLedger(
  input: LedgerInput,
  references: (regionCodes: string[]) => Promise<LedgerReferences>,
  onProgress: (progress: ImportProgress) => void,
): Promise<ValidatedLedger> {
  const content = Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength);
  const table = await readLedgerFile(input.fileName, content);
  const columns = ledgerColumns(input.kind);
  const headerCheck = matchHeaders(columns, table.headers);
  if (headerCheck.errors.length)
    throw new LedgerRejectedError(
      headerCheck.errors.map((reason) => ({ row: 1, column: "表头", reason })),
      headerCheck.errors.length,
    );
  if (table.rows.length === 0) throw new UserInputError("文件中没有数据行");
  const total = table.rows.length;

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
  }

  const codes = [
    ...new Set([...parsed.map((p) => p.row.scopeRegionCode), ...unparsed.flatMap((u) => (u.scope ? [u.scope] : []))]),
  ];
  const { knownRegions, departments: serving, catalogueItems, places } = await references(codes);
  const departments = new Map<string, ServingDepartment[]>();
  for (const d of serving) departments.set(d.name, [...(departments.get(d.name) ?? []), d]);
  const checkReferences = referenceChecker(input.userRegion, knownRegions, departments);
  for (const u of unparsed) checkReferences(u.rowNumber, u.scope, u.department).errors.forEach(addError);

  const snapshots = new Map<string, CatalogueSnapshot>();
  const occurrences = new Map<string, number>();
  const classifications = new Map<string, ReturnType<typeof storedJudgement>>();
  const rows: LedgerRecordRow[] = [];
  for (const { rowNumber, row } of parsed) {
    const scope = row.scopeRegionCode;
    const { errors: referenceErrors, department } = checkReferences(rowNumber, scope, row.department);
    referenceErrors.forEach(addError);
    if (!department) continue;
    const key = snapshotCacheKey(scope, row.occurredOn);
    let snapshot = snapshots.get(key);
    if (!snapshot) {
      snapshot = buildCatalogueSnapshot(catalogueItems, scope, row.occurredOn);
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
  return { rows, fileHash: createHash("sha256").update(content).digest("hex") };
}
