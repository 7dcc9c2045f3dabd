import type { Db, Tx } from "./client";
import { subtreeRange } from "../domain/regions";

export interface NewCatalogueItem {
  catalogue: string;
  itemKey: string;
  version?: number;
  regionCode: string;
  name: string;
  departmentId?: string | null;
  details?: Record<string, unknown>;
  validFrom: Date;
  validTo?: Date | null;
  createdById?: string | null;
}

export async function insertCatalogueItems(db: Db | Tx, items: NewCatalogueItem[]): Promise<number> {
  return (
    await db.catalogueItem.createMany({ data: items.map((i) => ({ ...i, details: i.details as object | undefined })) })
  ).count;
}

export function insertCatalogueItem(tx: Tx, item: NewCatalogueItem) {
  return tx.catalogueItem.create({ data: { ...item, details: item.details as object | undefined } });
}

export function latestVersion(db: Db | Tx, itemKey: string) {
  return db.catalogueItem.findFirst({ where: { itemKey }, orderBy: { version: "desc" } });
}

export function closeVersion(tx: Tx, id: string, validTo: Date) {
  return tx.catalogueItem.update({ where: { id }, data: { validTo } });
}

/** Every version of the items of `catalogue` owned by the given regions, newest first. */
export function listCatalogueVersions(db: Db, catalogue: string, regionCodes: string[]) {
  return db.catalogueItem.findMany({
    where: { catalogue, regionCode: { in: regionCodes } },
    orderBy: [{ name: "asc" }, { version: "desc" }],
    include: { department: { select: { name: true } } },
  });
}

export function listItemVersions(db: Db, itemKey: string) {
  return db.catalogueItem.findMany({ where: { itemKey }, orderBy: { version: "desc" } });
}

// ─── Admission requests (准入申请) ───────────────────────────────────────

export function insertAdmissionRequest(
  tx: Tx | Db,
  data: {
    regionCode: string;
    departmentId: string;
    catalogue: string;
    name: string;
    details?: Record<string, unknown>;
    requestedById: string;
  },
) {
  return tx.admissionRequest.create({ data: { ...data, details: data.details as object | undefined } });
}

export function findAdmissionRequest(db: Db | Tx, id: string) {
  return db.admissionRequest.findUnique({ where: { id }, include: { department: { select: { name: true } } } });
}

export function decideAdmissionRequest(
  tx: Tx,
  id: string,
  decision: {
    status: string;
    decisionReason: string | null;
    decidedById: string;
    effectiveFrom?: Date | null;
    catalogueItemId?: string | null;
  },
) {
  return tx.admissionRequest.update({ where: { id, status: "PENDING" }, data: { ...decision, decidedAt: new Date() } });
}

export function listAdmissionRequests(db: Db, filter: { regionCode: string; status?: string; departmentId?: string }) {
  return db.admissionRequest.findMany({
    where: {
      regionCode: subtreeRange(filter.regionCode),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 500,
    include: { department: { select: { name: true } } },
  });
}

export function recentAdmissionRequestsOf(db: Db, departmentId: string, take: number) {
  return db.admissionRequest.findMany({ where: { departmentId }, orderBy: { createdAt: "desc" }, take });
}
