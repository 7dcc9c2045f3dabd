import type { Db } from "./client";
import { subtreeRange } from "../domain/regions";

/** Catalogue items owned by any of `regionCodes` or nationally, optionally of one catalogue. */
export function findCatalogueItemsOwnedBy(db: Db, regionCodes: string[], catalogue?: string) {
  return db.catalogueItem.findMany({
    where: { regionCode: { in: ["", ...regionCodes] }, ...(catalogue ? { catalogue } : {}) },
  });
}

/** Items of one catalogue owned inside a subtree (every owner below a region). */
export function findCatalogueItemsInSubtree(db: Db, regionCode: string, catalogue: string) {
  return db.catalogueItem.findMany({
    where: { catalogue, regionCode: regionCode === "" ? undefined : subtreeRange(regionCode) },
  });
}
