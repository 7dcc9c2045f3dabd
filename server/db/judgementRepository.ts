import type { Db, Tx } from "./client";
import { subtreeRange } from "../domain/regions";

/** What a judgement stores on a record besides the violation flags. */
export interface StoredJudgement {
  isViolation: boolean;
  violations: unknown[];
  needsReview: boolean;
  reviews: unknown[];
  judgement: unknown;
  catalogueItem: string | null;
}

/** Active demands of one catalogue item in one year inside a county (frequency counting). */
export function demandsOfItem(db: Db, kind: string, catalogueItem: string, year: number, countyCode: string) {
  return db.burdenRecord.findMany({
    where: {
      kind,
      catalogueItem,
      status: "ACTIVE",
      period: { gte: year * 100 + 1, lte: year * 100 + 12 },
      scopeRegionCode: subtreeRange(countyCode),
    },
    select: {
      id: true,
      kind: true,
      title: true,
      details: true,
      scopeRegionCode: true,
      occurredOn: true,
      createdAt: true,
      period: true,
      violations: true,
      reviews: true,
      judgement: true,
      reviewDecision: true,
    },
  });
}

export function setJudgement(tx: Tx | Db, id: string, stored: StoredJudgement, reviewDecision?: string | null) {
  return tx.burdenRecord.update({
    where: { id },
    data: {
      isViolation: stored.isViolation,
      violations: stored.violations as object[],
      needsReview: stored.needsReview,
      reviews: stored.reviews as object[],
      judgement: (stored.judgement ?? undefined) as object | undefined,
      catalogueItem: stored.catalogueItem,
      ...(reviewDecision !== undefined ? { reviewDecision } : {}),
    },
  });
}

/** 待核实 records inside a subtree, oldest first. */
export function listPendingReviews(db: Db, regionCode: string, take: number, cursor?: string) {
  return db.burdenRecord.findMany({
    where: { needsReview: true, status: "ACTIVE", scopeRegionCode: subtreeRange(regionCode) },
    orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
    take,
    include: { department: { select: { name: true } } },
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
}

export async function countPendingReviewsByKind(db: Db, regionCode: string) {
  const rows = await db.burdenRecord.groupBy({
    by: ["kind"],
    where: { needsReview: true, status: "ACTIVE", scopeRegionCode: subtreeRange(regionCode) },
    _count: { _all: true },
  });
  return rows.map((r) => ({ kind: r.kind, count: r._count._all }));
}
