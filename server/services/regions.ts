import type { Db } from "../db/client";
import { countActiveRecordsByKind } from "../db/burdenRepository";
import { findRegion, findRegions, listChildren } from "../db/regionRepository";
import { BURDEN_KINDS, BURDEN_KIND_NAMES } from "../domain/burdenKinds";
import { ancestorCodesOf, LEVEL_NAMES, type RegionLevel } from "../domain/regions";
import { NotFoundError } from "./errors";

export interface RegionSummary {
  code: string;
  name: string;
  level: number;
  levelName: string;
  unitKind: string | null;
  villageCount: number;
  communityCount: number;
  hasChildren: boolean;
}

type RegionRecord = NonNullable<Awaited<ReturnType<typeof findRegion>>>;

function toSummary(region: RegionRecord): RegionSummary {
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    levelName: LEVEL_NAMES[region.level as RegionLevel] ?? "",
    unitKind: region.unitKind,
    villageCount: region.villageCount,
    communityCount: region.communityCount,
    hasChildren: region.level < 5,
  };
}

export async function getRegionOrThrow(db: Db, code: string): Promise<RegionRecord> {
  const region = await findRegion(db, code);
  if (!region) throw new NotFoundError(`区划代码 ${code} 不存在或尚未导入`);
  return region;
}

export async function getRegionSummary(db: Db, code: string): Promise<RegionSummary> {
  return toSummary(await getRegionOrThrow(db, code));
}

export async function listChildRegions(db: Db, code: string): Promise<RegionSummary[]> {
  await getRegionOrThrow(db, code);
  return (await listChildren(db, code)).map(toSummary);
}

/** Names along the path from the top to `code`, for breadcrumbs. */
export async function regionPath(db: Db, code: string): Promise<{ code: string; name: string }[]> {
  const codes = [...ancestorCodesOf(code), code];
  const regions = await findRegions(db, codes);
  const byCode = new Map(regions.map((r) => [r.code, r.name]));
  return codes.filter((c) => byCode.has(c)).map((c) => ({ code: c, name: byCode.get(c)! }));
}

export interface RegionDetail {
  region: RegionSummary;
  path: { code: string; name: string }[];
  children: RegionSummary[];
  recordsByKind: { kind: string; kindName: string; records: number; violations: number }[];
}

export async function getRegionDetail(db: Db, code: string): Promise<RegionDetail> {
  const region = await getRegionOrThrow(db, code);
  const [children, path, counts] = await Promise.all([
    listChildren(db, code),
    regionPath(db, code),
    countActiveRecordsByKind(db, code, ancestorCodesOf(code)),
  ]);
  const byKind = new Map(counts.map((c) => [c.kind, c]));
  return {
    region: toSummary(region),
    path,
    children: children.map(toSummary),
    recordsByKind: BURDEN_KINDS.map((kind) => ({
      kind,
      kindName: BURDEN_KIND_NAMES[kind],
      records: byKind.get(kind)?.records ?? 0,
      violations: byKind.get(kind)?.violations ?? 0,
    })),
  };
}
