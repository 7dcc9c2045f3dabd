import type { Db } from "./client";
import { bulkUpsert } from "./bulk";
import { subtreeRange } from "../domain/regions";

export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  unitKind: string | null;
  villageCount: number;
  communityCount: number;
}

const COLUMNS = ["code", "name", "level", "parentCode", "unitKind", "villageCount", "communityCount"] as const;

/** Writes all rows in one transaction: an import is complete or absent. */
export async function upsertRegions(db: Db, rows: RegionRow[]): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await bulkUpsert(
        tx,
        "Region",
        COLUMNS,
        ["code"],
        rows.map((r) => COLUMNS.map((c) => r[c])),
      );
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

export function findRegion(db: Db, code: string) {
  return db.region.findUnique({ where: { code } });
}

export function listChildren(db: Db, parentCode: string) {
  return db.region.findMany({ where: { parentCode }, orderBy: { code: "asc" } });
}

export function countRegionsInSubtree(db: Db, root: string, level?: number) {
  return db.region.count({ where: { code: subtreeRange(root), ...(level ? { level } : {}) } });
}

/** Counties, townships and villages in a subtree: the regions whose alerts a silence there hides. */
export function countRegionsFromCountyDown(db: Db, root: string) {
  return db.region.count({ where: { code: subtreeRange(root), level: { gte: 3 } } });
}

export function findRegions(db: Db, codes: string[]) {
  return db.region.findMany({ where: { code: { in: codes } } });
}

/** Regions of a subtree down to `maxLevel`, in code order, at most `take`. */
export function listRegionsInSubtree(db: Db, root: string, minLevel: number, maxLevel: number, take: number) {
  return db.region.findMany({
    where: { code: subtreeRange(root), level: { gte: minLevel, lte: maxLevel } },
    orderBy: { code: "asc" },
    take,
    select: { code: true, name: true, level: true },
  });
}

/** What villagesReached needs, per region. */
export function findRegionSizes(db: Db, codes: string[]) {
  return db.region.findMany({
    where: { code: { in: codes } },
    select: { code: true, level: true, villageCount: true, communityCount: true },
  });
}

/** Regions of one level, in a subtree or (root "") everywhere, with their parents. */
export function listRegionsAtLevel(db: Db, root: string, level: number) {
  return db.region.findMany({
    where: { ...(root ? { code: subtreeRange(root) } : {}), level },
    select: { code: true, parentCode: true },
  });
}

/** Village-level codes (villages and communities) under these townships. */
export async function villageCodesUnder(db: Db, townshipCodes: string[]): Promise<string[]> {
  const rows = await db.region.findMany({
    where: { level: 5, parentCode: { in: townshipCodes } },
    select: { code: true },
  });
  return rows.map((r) => r.code);
}

/** The first village (not community) of a county, in code order. */
export function firstVillageOf(db: Db, countyCode: string) {
  return db.region.findFirstOrThrow({
    where: { level: 5, unitKind: "VILLAGE", code: { startsWith: countyCode } },
    orderBy: { code: "asc" },
  });
}

/** Region names by code (codes that do not exist are left out). */
export async function regionNames(db: Db, codes: Iterable<string>): Promise<Map<string, string>> {
  return new Map((await findRegions(db, [...new Set(codes)])).map((r) => [r.code, r.name]));
}

/** The names of the regions of these rows, read at once; a code it does not know names itself. */
export async function regionNamer(db: Db, rows: readonly { regionCode: string }[]): Promise<(code: string) => string> {
  const names = await regionNames(
    db,
    rows.map((r) => r.regionCode),
  );
  return (code) => names.get(code) ?? code;
}
