import type { Db } from "./client";
import { subtreeRange } from "../domain/regions";

export async function insertDepartments(db: Db, rows: { regionCode: string; name: string; category: string }[]) {
  await db.department.createMany({ data: rows });
  return db.department.findMany({
    where: { OR: [...new Set(rows.map((r) => r.regionCode))].map((code) => ({ regionCode: code })) },
  });
}

export function listDepartmentsInSubtree(db: Db, regionCode: string) {
  return db.department.findMany({
    where: { regionCode: subtreeRange(regionCode) },
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
  });
}

export function findDepartmentById(db: Db, id: string) {
  return db.department.findUnique({ where: { id } });
}

export function listDepartmentsForRegions(db: Db, regionCodes: string[]) {
  return db.department.findMany({ where: { regionCode: { in: regionCodes } }, orderBy: { name: "asc" } });
}

export function findDepartmentsByIds(db: Db, ids: string[], orderByName = false) {
  return db.department.findMany({ where: { id: { in: ids } }, ...(orderByName ? { orderBy: { name: "asc" } } : {}) });
}

export function listAllDepartments(db: Db) {
  return db.department.findMany();
}
