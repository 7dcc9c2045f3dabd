import type { Db } from "../db/client";
import { listDepartmentsForRegions, listDepartmentsInSubtree } from "../db/departmentRepository";
import { ancestorCodesOf } from "../domain/regions";

/** Departments of the region's subtree and of the regions above it, by name. */
export async function departmentsServing(db: Db, regionCode: string) {
  const [below, above] = await Promise.all([
    listDepartmentsInSubtree(db, regionCode),
    listDepartmentsForRegions(db, ancestorCodesOf(regionCode)),
  ]);
  return [...above, ...below].map((d) => ({ id: d.id, name: d.name, regionCode: d.regionCode, category: d.category }));
}
