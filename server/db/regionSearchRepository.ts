import { subtreeRange } from "../domain/regions";
import type { Db } from "./client";

/** Code, name and level of every region in a subtree (the root included). */
export function listSubtreeNames(db: Db, root: string) {
  return db.region.findMany({ where: { code: subtreeRange(root) }, select: { code: true, name: true, level: true } });
}

/** Regions in a subtree whose name contains `text` (the fallback where no pinyin index is kept). */
export function findSubtreeByName(db: Db, root: string, text: string, take: number) {
  return db.region.findMany({
    where: { code: subtreeRange(root), name: { contains: text } },
    select: { code: true, name: true, level: true },
    take,
    orderBy: { code: "asc" },
  });
}

export function countSubtree(db: Db, root: string) {
  return db.region.count({ where: { code: subtreeRange(root) } });
}
