// The reference data a ledger's rows are checked and classified against, read on the main thread
// through the server's own connection (the worker has none: on SQLite a second connection would
// compete with the one writer, and a snapshot by message is a few hundred kilobytes).
import type { Db } from "../../db/client";
import { findCatalogueItemsInSubtree, findCatalogueItemsOwnedBy } from "../../db/catalogueSnapshotRepository";
import { findRegions } from "../../db/regionRepository";
import { CATALOGUES } from "../../domain/catalogues";
import type { CatalogueItemLike } from "../../domain/classification";
import { ancestorCodesOf } from "../../domain/regions";
import { departmentsServing } from "../departments";
import { placeContexts } from "../judgement";
import type { LedgerReferences } from "./validateLedger";

async function catalogueItemsFor(db: Db, regionCode: string): Promise<CatalogueItemLike[]> {
  const owners = [...ancestorCodesOf(regionCode), regionCode];
  const above = await findCatalogueItemsOwnedBy(db, owners);
  const below = (await Promise.all(CATALOGUES.map((c) => findCatalogueItemsInSubtree(db, regionCode, c))))
    .flat()
    .filter((i) => i.regionCode !== regionCode);
  return [...above, ...below];
}

export async function ledgerReferences(db: Db, userRegion: string, regionCodes: string[]): Promise<LedgerReferences> {
  const knownRegions = new Set<string>();
  for (let i = 0; i < regionCodes.length; i += 500)
    for (const r of await findRegions(db, regionCodes.slice(i, i + 500))) knownRegions.add(r.code);
  const departments = (await departmentsServing(db, userRegion)).map(({ id, name, regionCode }) => ({
    id,
    name,
    regionCode,
  }));
  return {
    knownRegions,
    departments,
    catalogueItems: await catalogueItemsFor(db, userRegion),
    places: await placeContexts(db, regionCodes),
  };
}
