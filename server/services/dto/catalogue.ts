// What the catalogue procedures return. `details` is stored JSON; it is read as
// an object here once, so pages never cast it.
import { CATALOGUES, type Catalogue } from "../../domain/catalogues";

/** One version of a catalogue entry. */
export interface CatalogueVersionDto {
  id: string;
  catalogue: Catalogue;
  itemKey: string;
  version: number;
  ownerRegionCode: string;
  name: string;
  departmentId: string | null;
  details: Record<string, unknown>;
  validFrom: Date;
  validTo: Date | null;
  createdAt: Date;
}

/** An entry as the catalogue page lists it: its latest version, with names and whether it is in force. */
export interface CatalogueEntryDto {
  id: string;
  itemKey: string;
  name: string;
  version: number;
  versions: number;
  ownerRegionCode: string;
  ownerName: string;
  departmentName: string | null;
  details: Record<string, unknown>;
  validFrom: Date;
  validTo: Date | null;
  inForce: boolean;
}

export const detailsOf = (json: unknown): Record<string, unknown> =>
  typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};

export function toCatalogueVersionDto(row: {
  id: string;
  catalogue: string;
  itemKey: string;
  version: number;
  regionCode: string;
  name: string;
  departmentId: string | null;
  details: unknown;
  validFrom: Date;
  validTo: Date | null;
  createdAt: Date;
}): CatalogueVersionDto {
  const catalogue = CATALOGUES.find((c) => c === row.catalogue);
  if (!catalogue) throw new Error(`目录条目 ${row.id} 的目录无效：${row.catalogue}`);
  return {
    id: row.id,
    catalogue,
    itemKey: row.itemKey,
    version: row.version,
    ownerRegionCode: row.regionCode,
    name: row.name,
    departmentId: row.departmentId,
    details: detailsOf(row.details),
    validFrom: row.validFrom,
    validTo: row.validTo,
    createdAt: row.createdAt,
  };
}
