// Repeated-entry burden of every county in a region, ranked: the figure that
// joins the burden hours on the region and department views.
import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { countiesIn } from "../../db/formOverlapRepository";
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
