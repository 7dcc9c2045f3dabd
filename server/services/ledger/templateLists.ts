// What the ledger template offers in its drop-downs: the user's own region codes and departments.
import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { countRegionsInSubtree, listRegionsInSubtree } from "../../db/regionRepository";
import { levelOfCode } from "../../domain/regions";
import { departmentsServing } from "../departments";

export interface TemplateLists {
  regions: { code: string; name: string }[];
  departments: string[];
}

/** Excel handles drop-downs of tens of thousands of rows; a province's villages would be far more. */
const MAX_REGIONS = 30_000;

export async function templateListsFor(db: Db, user: SessionUser): Promise<TemplateLists> {
  // Ledger scopes are counties, townships and villages (levels 3–5).
  const minLevel = Math.max(3, levelOfCode(user.regionCode) ?? 3);
  const villages = await countRegionsInSubtree(db, user.regionCode);
  const maxLevel = villages > MAX_REGIONS ? 4 : 5;
  const regions = await listRegionsInSubtree(db, user.regionCode, minLevel, maxLevel, MAX_REGIONS);
  const departments = [...new Set((await departmentsServing(db, user.regionCode)).map((d) => d.name))].sort((a, b) =>
    a.localeCompare(b, "zh-CN"),
  );
  return { regions: regions.map((r) => ({ code: r.code, name: r.name })), departments };
}
