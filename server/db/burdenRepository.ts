import type { Db, Tx } from "./client";
import { subtreeRange } from "../domain/regions";

export interface KindCount {
  kind: string;
  records: number;
  violations: number;
}

/**
 * Active records that burden villages of `regionCode`: those scoped inside its
 * subtree and those scoped to one of its ancestors (they reach every village below).
 */
export async function countActiveRecordsByKind(
  db: Db,
  regionCode: string,
  ancestorCodes: string[],
): Promise<KindCount[]> {
  const where = {
    status: "ACTIVE",
    OR: [{ scopeRegionCode: subtreeRange(regionCode) }, { scopeRegionCode: { in: ancestorCodes } }],
  };
  const [all, violating] = await Promise.all([
    db.burdenRecord.groupBy({ by: ["kind"], where, _count: { _all: true } }),
    db.burdenRecord.groupBy({ by: ["kind"], where: { ...where, isViolation: true }, _count: { _all: true } }),
  ]);
  const violationsByKind = new Map(violating.map((row) => [row.kind, row._count._all]));
  return all.map((row) => ({
    kind: row.kind,
    records: row._count._all,
    violations: violationsByKind.get(row.kind) ?? 0,
  }));
}

/** A classified record as every write path produces it. */
export interface ClassifiedRecord {
  kind: string;
  departmentId: string;
  scopeRegionCode: string;
  scopeLevel: number;
  title: string;
  details: Record<string, unknown>;
  units: number;
  occurredOn: Date;
  period: number;
  isViolation: boolean;
  violations: unknown[];
  dedicatedPost: boolean;
  needsReview?: boolean;
  reviews?: unknown[];
  judgement?: unknown;
  catalogueItem?: string | null;
  reviewDecision?: string | null;
  endedOn?: Date | null;
  endPeriod?: number | null;
  endedById?: string | null;
}

export interface NewBurdenRecord extends ClassifiedRecord {
  source: string;
  evidence?: string | null;
  createdById?: string | null;
}

export async function insertBurdenRecords(db: Db, records: NewBurdenRecord[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < records.length; start += 2000) {
    const batch = records.slice(start, start + 2000);
    written += (
      await db.burdenRecord.createMany({
        data: batch.map((r) => ({
          ...r,
          details: r.details as object,
          violations: r.violations as object[],
          reviews: r.reviews as object[] | undefined,
          judgement: (r.judgement ?? undefined) as object | undefined,
        })),
      })
    ).count;
  }
  return written;
}

export function findRecord(db: Db | Tx, id: string) {
  return db.burdenRecord.findUnique({ where: { id }, include: { department: true } });
}

export function createRecord(tx: Tx, record: NewBurdenRecord) {
  return tx.burdenRecord.create({
    data: {
      ...record,
      details: record.details as object,
      violations: record.violations as object[],
      reviews: record.reviews as object[] | undefined,
      judgement: (record.judgement ?? undefined) as object | undefined,
    },
  });
}

export async function updateRecordWithRevision(
  tx: Tx,
  id: string,
  previous: { version: number; snapshot: unknown },
  changes: Partial<NewBurdenRecord> & { status?: string; withdrawnAt?: Date | null },
  changedById: string,
  reason: string | null,
) {
  await tx.burdenRecordRevision.create({
    data: { recordId: id, version: previous.version, snapshot: previous.snapshot as object, changedById, reason },
  });
  return tx.burdenRecord.update({
    where: { id, version: previous.version },
    data: {
      ...changes,
      details: changes.details as object | undefined,
      violations: changes.violations as object[] | undefined,
      reviews: changes.reviews as object[] | undefined,
      judgement: (changes.judgement ?? undefined) as object | undefined,
      version: previous.version + 1,
    },
  });
}

export function listRevisions(db: Db, recordId: string) {
  return db.burdenRecordRevision.findMany({ where: { recordId }, orderBy: { version: "desc" } });
}

/** Active records of `kind` scoped inside `regionCode` ("" for all) on or after `from`, in id order. */
export function recordsForReclassification(
  db: Db,
  kind: string,
  regionCode: string,
  from: Date,
  take: number,
  afterId?: string,
) {
  return db.burdenRecord.findMany({
    where: {
      kind,
      status: "ACTIVE",
      occurredOn: { gte: from },
      ...(regionCode ? { scopeRegionCode: subtreeRange(regionCode) } : {}),
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take,
  });
}

export function setClassification(tx: Tx, id: string, isViolation: boolean, violations: unknown[]) {
  return tx.burdenRecord.update({ where: { id }, data: { isViolation, violations: violations as object[] } });
}

/** Which records a write created: by id (manual entry, conversion) or by ledger batch. */
export type CreatedRecords = { ids: string[] } | { batchId: string };

/** The created records that are violations now, i.e. after their frequencies were counted. */
export function findCreatedViolations(db: Db, created: CreatedRecords) {
  return db.burdenRecord.findMany({
    where: {
      status: "ACTIVE",
      isViolation: true,
      ...("ids" in created ? { id: { in: created.ids } } : { importBatchId: created.batchId }),
    },
    select: {
      id: true,
      kind: true,
      title: true,
      scopeRegionCode: true,
      period: true,
      isViolation: true,
      departmentId: true,
    },
    orderBy: { id: "asc" },
  });
}

export function findRecordsByIds(db: Db, ids: string[]) {
  return db.burdenRecord.findMany({ where: { id: { in: ids } } });
}

export function findRecordTitles(db: Db, ids: string[]) {
  return db.burdenRecord.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } });
}

export function findRecordScopes(db: Db, ids: string[]) {
  return db.burdenRecord.findMany({ where: { id: { in: ids } }, select: { id: true, scopeRegionCode: true } });
}

/** What a rectification item shows of each of its records. */
export function findRecordSummaries(db: Db, ids: string[]) {
  return db.burdenRecord.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      kind: true,
      scopeRegionCode: true,
      period: true,
      status: true,
      violations: true,
      withdrawnAt: true,
    },
  });
}

/** Ids of active violating records scoped in a subtree over a span of periods, optionally of one kind. */
export function violatingRecordIdsIn(
  db: Db,
  filter: { regionCode: string; from: number; to: number; kind?: string | null },
  take: number,
) {
  return db.burdenRecord.findMany({
    where: {
      period: { gte: filter.from, lte: filter.to },
      status: "ACTIVE",
      isViolation: true,
      scopeRegionCode: subtreeRange(filter.regionCode),
      ...(filter.kind ? { kind: filter.kind } : {}),
    },
    select: { id: true },
    take,
  });
}

/** Every active violating record, newest period first: the demo's rectification workload is made from them. */
export function allActiveViolations(db: Db) {
  return db.burdenRecord.findMany({
    where: { isViolation: true, status: "ACTIVE" },
    select: { id: true, departmentId: true, scopeRegionCode: true, period: true },
    orderBy: [{ period: "desc" }, { id: "asc" }],
  });
}

type DepartmentRecordFilter = { isViolation: true } | { source: "SELF_REPORT" } | Record<string, never>;

/** A department's active records of each kind over a span of periods, with their units. */
export function departmentCountsByKind(
  db: Db,
  departmentId: string,
  from: number,
  to: number,
  extra: DepartmentRecordFilter = {},
) {
  return db.burdenRecord.groupBy({
    by: ["kind"],
    where: { departmentId, status: "ACTIVE", period: { gte: from, lte: to }, ...extra },
    _count: { _all: true },
    _sum: { units: true },
  });
}

/** A department's latest active violations over a span of periods. */
export function departmentViolations(db: Db, departmentId: string, from: number, to: number, take: number) {
  return db.burdenRecord.findMany({
    where: { departmentId, status: "ACTIVE", isViolation: true, period: { gte: from, lte: to } },
    orderBy: { occurredOn: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      title: true,
      period: true,
      scopeRegionCode: true,
      violations: true,
      occurredOn: true,
    },
  });
}
