import type { Db } from "./client";

export interface NewCatalogueItem {
  catalogue: string;
  itemKey: string;
  regionCode: string;
  name: string;
  departmentId?: string | null;
  details?: Record<string, unknown>;
  validFrom: Date;
}

export async function insertCatalogueItems(db: Db, items: NewCatalogueItem[]): Promise<number> {
  return (await db.catalogueItem.createMany({ data: items.map((i) => ({ ...i, details: i.details as object | undefined })) })).count;
}
