// Repeated-entry burden of every county in a region, ranked: the figure that
// joins the burden hours on the region and department views.
import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { countiesIn, countVillages } from "../../db/formOverlapRepository";
import { isWithin, levelOfCode } from "../../domain/regions";
import { PermissionError, UserInputError } from "../errors";
import { analyseCounty } from "./analysis";

export async function repeatedEntryRanking(db: Db, user: SessionUser, regionCode: string) {
  if (!isWithin(regionCode, user.regionCode)) throw new PermissionError(`区划 ${regionCode} 不在您的管辖范围内`);
  const level = levelOfCode(regionCode);
  if (level === null || level > 3) throw new UserInputError("一表通分析以县为单位，请选择县级或以上区划");
  const counties = await countiesIn(db, regionCode);
  const rows = [];
  for (const county of counties) {
    const a = await analyseCounty(db, county.code);
    rows.push({
      code: county.code,
      name: county.name,
      villages: a.villages,
      forms: a.forms.length,
      clusters: a.clusters.length,
      entries: a.entries,
      repeatedEntries: a.repeatedEntries,
      repeatedHours: a.repeatedHours,
      hoursPerVillage: a.villages ? a.repeatedHours / a.villages : 0,
      savedHours: a.clusters.reduce((s, c) => s + c.savedHours, 0),
    });
  }
  rows.sort((x, y) => y.hoursPerVillage - x.hoursPerVillage);
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

/**
 * Repeated-entry hours of a region over the last twelve months, in total and
 * per department whose form re-asks the data; below county level, the
 * county's per-village figure applies to each village of the subtree.
 */
export async function repeatedEntryBurden(db: Db, user: SessionUser, regionCode: string) {
  if (!isWithin(regionCode, user.regionCode)) throw new PermissionError(`区划 ${regionCode} 不在您的管辖范围内`);
  const level = levelOfCode(regionCode);
  if (level === null) throw new UserInputError("区划代码无效");
  const counties = level <= 3 ? (await countiesIn(db, regionCode)).map((c) => c.code) : [regionCode.slice(0, 6)];
  const departments = new Map<string, { departmentId: string; name: string; entries: number; hours: number }>();
  let hours = 0;
  let entries = 0;
  let villages = 0;
  for (const code of counties) {
    const a = await analyseCounty(db, code);
    hours += a.repeatedHours;
    entries += a.repeatedEntries;
    villages += a.villages;
    for (const f of a.forms) {
      if (!f.repeatedEntries || !f.departmentId) continue;
      const d = departments.get(f.departmentId) ?? {
        departmentId: f.departmentId,
        name: f.department ?? f.departmentId,
        entries: 0,
        hours: 0,
      };
      d.entries += f.repeatedEntries;
      d.hours += (f.repeatedEntries * a.minutesPerFieldEntry) / 60;
      departments.set(f.departmentId, d);
    }
  }
  const perVillage = villages ? hours / villages : 0;
  const subtreeVillages = level <= 3 ? villages : await countVillages(db, regionCode);
  return {
    regionCode,
    villages: subtreeVillages,
    hours: level <= 3 ? hours : perVillage * subtreeVillages,
    entries: level <= 3 ? entries : Math.round((entries / Math.max(1, villages)) * subtreeVillages),
    perVillage,
    byDepartment: level <= 3 ? [...departments.values()].sort((x, y) => y.hours - x.hours) : [],
  };
}
