import type { Db } from "./client";
import type { ExposureFields } from "../domain/exposure";
import { subtreeRange } from "../domain/regions";

export interface NewExposureCase extends ExposureFields {
  alertId?: string | null;
  recordId?: string | null;
  createdById: string;
}

export function findExposureCase(db: Db, id: string) {
  return db.exposureCase.findUnique({ where: { id } });
}

export function insertExposureCase(db: Db, data: NewExposureCase) {
  return db.exposureCase.create({ data });
}

/** Moves a case only if it is still in `from`; a concurrent move makes this throw (record not found). */
export function moveExposureCaseState(
  db: Db,
  id: string,
  from: string,
  data: { state: string; approvedById?: string; publishedAt?: Date; rectifiedAt?: Date },
) {
  return db.exposureCase.update({ where: { id, state: from }, data });
}

/** `states` undefined: every state. Published first, newest first. */
export function listExposureCasesInSubtree(db: Db, regionCode: string, states: string[] | undefined, take: number) {
  return db.exposureCase.findMany({
    where: { regionCode: subtreeRange(regionCode), ...(states ? { state: { in: states } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    take,
    include: { department: { select: { name: true } } },
  });
}

/** Cases published before `before` (still published or since rectified), newest first. */
export function publishedExposureCasesBefore(db: Db, regionCode: string, before: Date, take: number) {
  return db.exposureCase.findMany({
    where: {
      regionCode: subtreeRange(regionCode),
      state: { in: ["PUBLISHED", "RECTIFIED"] },
      publishedAt: { lt: before },
    },
    orderBy: { publishedAt: "desc" },
    take,
    include: { department: { select: { name: true } } },
  });
}

/** Marks a published case rectified; false when it was not (or no longer) published. */
export async function markExposureRectified(db: Db, id: string, at: Date): Promise<boolean> {
  const { count } = await db.exposureCase.updateMany({
    where: { id, state: "PUBLISHED" },
    data: { state: "RECTIFIED", rectifiedAt: at },
  });
  return count === 1;
}
