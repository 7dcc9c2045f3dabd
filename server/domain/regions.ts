// Region codes of the national statistical division (统计用区划代码).

export const REGION_LEVELS = [1, 2, 3, 4, 5] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const LEVEL_NAMES: Record<RegionLevel, string> = {
  1: "省级",
  2: "地级",
  3: "县级",
  4: "乡级",
  5: "村级",
};

const LENGTH_BY_LEVEL: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

export type VillageUnitKind = "VILLAGE" | "COMMUNITY";

/** The level a code belongs to by its length, or null when it is not a division code. */
export function levelOfCode(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  const level = REGION_LEVELS.find((l) => LENGTH_BY_LEVEL[l] === code.length);
  return level ?? null;
}

export function parentCodeOf(code: string): string | null {
  const level = levelOfCode(code);
  if (level === null || level === 1) return null;
  return code.slice(0, LENGTH_BY_LEVEL[(level - 1) as RegionLevel]);
}

/** Every ancestor code, nearest last: 220103002 → [22, 2201, 220103]. */
export function ancestorCodesOf(code: string): string[] {
  const level = levelOfCode(code);
  if (level === null) return [];
  return REGION_LEVELS.filter((l) => l < level).map((l) => code.slice(0, LENGTH_BY_LEVEL[l]));
}

/** Villages a demand scoped to this region reaches: a village itself, or the villages and communities below. */
export function villagesUnder(region: { level: number; villageCount: number; communityCount: number }): number {
  return region.level === 5 ? 1 : region.villageCount + region.communityCount;
}

/** Region codes by parent code, in first-seen order; a region without a parent groups under "". */
export function groupByParent(regions: readonly { code: string; parentCode: string | null }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of regions) {
    const key = r.parentCode ?? "";
    const group = groups.get(key);
    if (group) group.push(r.code);
    else groups.set(key, [r.code]);
  }
  return groups;
}

/** Region codes grouped by parent (peers are judged together). */
export function codesByParent(regions: readonly { code: string; parentCode: string | null }[]): string[][] {
  return [...groupByParent(regions).values()];
}

/** Whether `code` is `root` itself or lies below it. */
export function isWithin(code: string, root: string): boolean {
  return code.startsWith(root) && levelOfCode(code) !== null && levelOfCode(root) !== null;
}

/**
 * A subtree as a half-open range of codes [from, to): every descendant of a
 * digit code starts with it, so it sorts between the code and its successor.
 * Lets an ordinary index answer subtree queries at national scale.
 */
export function subtreeRange(root: string): { gte: string; lt: string } {
  // The next digit prefix ("2299" → "23") bounds every digit string starting
  // with root under any collation, so PostgreSQL needs no "C" locale for this.
  let last = root.length - 1;
  while (last >= 0 && root[last] === "9") last--;
  if (last < 0) return { gte: root, lt: "a" }; // all nines: letters sort after digits
  return { gte: root, lt: root.slice(0, last) + String(Number(root[last]) + 1) };
}

/**
 * 村 or 社区 by the unit's registered name. Names ending in 社区, 居委会 or
 * 居民委员会 are urban communities; everything else at village level counts as
 * a village (村委会, 村民委员会, or plain "…村").
 */
export function classifyVillageUnit(name: string): VillageUnitKind {
  return /(社区|居委会|居民委员会|社区居委会)/.test(name) ? "COMMUNITY" : "VILLAGE";
}

/**
 * Rankings compare peers: a user may rank the children of a region inside
 * their jurisdiction, and see their own region among its siblings (scores
 * only, never the siblings' records).
 */
export function canSeePeersOf(userRegion: string, parentCode: string): boolean {
  return isWithin(parentCode, userRegion) || parentCodeOf(userRegion) === parentCode;
}
