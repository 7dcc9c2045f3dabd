import type { Db } from "../db/client";
import { findCatalogueItemsValidOn } from "../db/catalogueSnapshotRepository";
import type { CatalogueSnapshot } from "../domain/classification";
import { ancestorCodesOf } from "../domain/regions";

/**
 * The catalogues that govern a record scoped to `scopeRegionCode` on `date`:
 * those of the scope and every region above it (county form list, provincial
 * signboard standard, national and provincial negative lists).
 */
export async function catalogueSnapshotFor(db: Db, scopeRegionCode: string, date: Date): Promise<CatalogueSnapshot> {
  const items = await findCatalogueItemsValidOn(db, [...ancestorCodesOf(scopeRegionCode), scopeRegionCode], date);
  const latest = new Map<string, (typeof items)[number]>();
  for (const item of items) if (!latest.has(item.itemKey)) latest.set(item.itemKey, item);
  const of = (catalogue: string) => [...latest.values()].filter((i) => i.catalogue === catalogue);
  const detail = (item: (typeof items)[number], key: string) => (item.details as Record<string, unknown> | null)?.[key];
  return {
    formList: new Map(of("FORM_LIST").map((i) => [i.name, { allowedPerYear: Number(detail(i, "allowedPerYear") ?? 12) }])),
    registeredGroups: new Set(of("WORK_GROUP").map((i) => i.name)),
    approvedMechanisms: new Set(of("MECHANISM").map((i) => i.name)),
    signboardStandard: new Set(of("SIGNBOARD_STANDARD").map((i) => i.name)),
    inspectionPlan: new Set(of("INSPECTION_PLAN").map((i) => i.name)),
    negativeList: of("CERTIFICATE_NEGATIVE").map((i) => ({
      no: Number(detail(i, "no") ?? 0),
      name: i.name,
      source: String(detail(i, "source") ?? "负面清单"),
    })),
  };
}
