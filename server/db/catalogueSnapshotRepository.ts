import type { Db } from "./client";

/** Catalogue items owned by any of `regionCodes` (plus national ones) valid on `date`. */
export function findCatalogueItemsValidOn(db: Db, regionCodes: string[], date: Date) {
  return db.catalogueItem.findMany({
    where: {
      regionCode: { in: ["", ...regionCodes] },
      validFrom: { lte: date },
      OR: [{ validTo: null }, { validTo: { gt: date } }],
    },
    orderBy: [{ itemKey: "asc" }, { version: "desc" }],
  });
}
