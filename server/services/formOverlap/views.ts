// What the 一表通 page shows of a county's analysis (plain data, no dictionary object).
import type { Db } from "../../db/client";
import { itemLabel } from "../../domain/formOverlap/mergeProposal";
import { levelOfCode } from "../../domain/regions";
import { UserInputError } from "../errors";
import { analyseCounty } from "./analysis";

export async function countyOverlapView(db: Db, countyCode: string) {
  if (levelOfCode(countyCode) !== 3) throw new UserInputError("请选择一个县（市、区）查看一表通分析");
  const a = await analyseCounty(db, countyCode);
  return {
    countyCode: a.countyCode,
    villages: a.villages,
    minutesPerFieldEntry: a.minutesPerFieldEntry,
    entries: a.entries,
    repeatedEntries: a.repeatedEntries,
    repeatedHours: a.repeatedHours,
    forms: a.forms.map(({ items, ...f }) => ({ ...f, itemCount: items.length, itemLabels: items.map(itemLabel) })),
    formsWithoutFields: a.formsWithoutFields,
    pairs: a.pairs.map((p) => ({ ...p, shared: p.shared.map(itemLabel) })),
    clusters: a.clusters,
    topItems: a.topItems,
  };
}
