import type { Db } from "./client";
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
export async function countActiveRecordsByKind(db: Db, regionCode: string, ancestorCodes: string[]): Promise<KindCount[]> {
  const where = {
    status: "ACTIVE",
    OR: [{ scopeRegionCode: subtreeRange(regionCode) }, { scopeRegionCode: { in: ancestorCodes } }],
  };
  const [all, violating] = await Promise.all([
    db.burdenRecord.groupBy({ by: ["kind"], where, _count: { _all: true } }),
    db.burdenRecord.groupBy({ by: ["kind"], where: { ...where, isViolation: true }, _count: { _all: true } }),
  ]);
  const violationsByKind = new Map(violating.map((row) => [row.kind, row._count._all]));
  return all.map((row) => ({ kind: row.kind, records: row._count._all, violations: violationsByKind.get(row.kind) ?? 0 }));
}

export interface NewBurdenRecord {
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
  source: string;
  createdById?: string | null;
}

export async function insertBurdenRecords(db: Db, records: NewBurdenRecord[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < records.length; start += 2000) {
    const batch = records.slice(start, start + 2000);
    written += (await db.burdenRecord.createMany({ data: batch.map((r) => ({ ...r, details: r.details as object, violations: r.violations as object[] })) })).count;
  }
  return written;
}
