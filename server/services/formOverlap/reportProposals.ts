// The 一表通 merge proposals a monthly report recommends for its region: the open
// proposals of the region's counties (neither adopted nor turned down), those that
// save the most hours of repeated entry first.
import type { Db } from "../../db/client";
import { countiesIn } from "../../db/formOverlapRepository";
import type { FormMergeSuggestion } from "../../domain/reportText";
import { levelOfCode } from "../../domain/regions";
import { analyseCounty } from "./analysis";

/** The analysis as of the report's month: its twelve months end with that month, not with today. */
export function analysisDateFor(period: number, now: Date): Date {
  const middle = new Date(Date.UTC(Math.floor(period / 100), (period % 100) - 1, 15));
  return middle < now ? middle : now;
}

export async function reportMergeProposals(
  db: Db,
  regionCode: string,
  period: number,
  now: Date,
  limit = 3,
): Promise<FormMergeSuggestion[]> {
  const level = levelOfCode(regionCode) ?? 0;
  const counties = await countiesIn(db, level > 3 ? regionCode.slice(0, 6) : regionCode);
  const at = analysisDateFor(period, now);
  const proposals: FormMergeSuggestion[] = [];
  for (const county of counties) {
    const analysis = await analyseCounty(db, county.code, at);
    for (const c of analysis.clusters) {
      if (c.decision) continue; // adopted (an admission request is under way) or turned down with a reason
      proposals.push({
        county: level < 3 ? county.name : null,
        forms: c.members.map((m) => m.title),
        baseTitle: c.baseTitle,
        departments: c.departments,
        savedEntries: c.savedEntries,
        savedHours: c.savedHours,
      });
    }
  }
  return proposals.sort((a, b) => b.savedHours - a.savedHours || b.savedEntries - a.savedEntries).slice(0, limit);
}
