import type { Db } from "../db/client";
import { findCatalogueItemsOwnedBy } from "../db/catalogueSnapshotRepository";
import { buildCatalogueSnapshot, type CatalogueSnapshot } from "../domain/classification";
import { ancestorCodesOf } from "../domain/regions";

/** The catalogues that govern a record scoped to `scopeRegionCode` on `date`. */
export async function catalogueSnapshotFor(db: Db, scopeRegionCode: string, date: Date): Promise<CatalogueSnapshot> {
  const items = await findCatalogueItemsOwnedBy(db, [...ancestorCodesOf(scopeRegionCode), scopeRegionCode]);
  return buildCatalogueSnapshot(items, scopeRegionCode, date);
}
