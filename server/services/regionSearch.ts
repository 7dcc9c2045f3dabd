import type { Db } from "../db/client";
import { regionNames } from "../db/regionRepository";
import { countSubtree, findSubtreeByName, listSubtreeNames } from "../db/regionSearchRepository";
import { ancestorCodesOf } from "../domain/regions";
import { searchEntries, toEntry, type SearchEntry } from "../domain/regionSearch";

// A pinyin index per jurisdiction root, built on first search and kept for a while:
// a city's 3,000 names take tens of milliseconds; a province's 30,000 under a second.
// Above MAX_INDEXED units (a national administrator) search falls back to names only.
// Kept per database: tests and benches open several in one process, each with its own regions.
const MAX_INDEXED = 200_000;
const TTL_MS = 10 * 60_000;
const indexesByDb = new WeakMap<Db, Map<string, { at: number; entries: Promise<SearchEntry[]> }>>();

async function indexOf(db: Db, root: string): Promise<SearchEntry[] | null> {
  const indexes = indexesByDb.get(db) ?? new Map();
  indexesByDb.set(db, indexes);
  const cached = indexes.get(root);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.entries;
  if ((await countSubtree(db, root)) > MAX_INDEXED) return null;
  const entries = listSubtreeNames(db, root).then((rows) => rows.map(toEntry));
  indexes.set(root, { at: Date.now(), entries });
  entries.catch(() => indexes.delete(root));
  return entries;
}

export interface RegionHit {
  code: string;
  name: string;
  level: number;
  /** Names of the levels above, below the province: "长春市 / 宽城区 / 兰家镇". */
  path: string;
}

/** Regions under `root` matching a name or pinyin initials, each with the names of its township and county. */
export async function searchRegions(db: Db, root: string, query: string, limit = 20): Promise<RegionHit[]> {
  const index = await indexOf(db, root);
  const hits = index
    ? searchEntries(index, query, limit)
    : (await findSubtreeByName(db, root, query.trim(), limit)).map(toEntry);
  const ancestorCodes = [...new Set(hits.flatMap((h) => ancestorCodesOf(h.code).filter((c) => c.length > 2)))];
  const names = await regionNames(db, ancestorCodes);
  return hits.map((h) => ({
    code: h.code,
    name: h.name,
    level: h.level,
    path: ancestorCodesOf(h.code)
      .filter((c) => c.length > 2)
      .map((c) => names.get(c) ?? c)
      .join(" / "),
  }));
}
