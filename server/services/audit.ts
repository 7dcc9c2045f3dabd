import type { Db } from "../db/client";
import { findDepartmentsByIds } from "../db/departmentRepository";
import { findRegions } from "../db/regionRepository";
import { auditChanges, auditItem, type AuditNames } from "../domain/auditFields";
import { listAuditInSubtree } from "../db/auditRepository";
import { findUserNames } from "../db/userRepository";
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES } from "../domain/audit";

/** Names for the department ids, region codes and user ids that appear in a page of audit rows. */
async function auditNames(
  db: Db,
  rows: { regionCode: string; before: unknown; after: unknown }[],
): Promise<AuditNames> {
  const departmentIds = new Set<string>();
  const regionCodes = new Set<string>(rows.map((r) => r.regionCode));
  const userIds = new Set<string>();
  for (const r of rows) {
    for (const side of [r.before, r.after]) {
      if (!side || typeof side !== "object") continue;
      for (const [k, v] of Object.entries(side as Record<string, unknown>)) {
        if (typeof v !== "string") continue;
        if (k === "departmentId") departmentIds.add(v);
        else if (k === "regionCode" || k === "scopeRegionCode") regionCodes.add(v);
        else if (k === "assigneeId" || k.endsWith("ById")) userIds.add(v);
      }
    }
  }
  const [departments, regions, users] = await Promise.all([
    findDepartmentsByIds(db, [...departmentIds]),
    findRegions(db, [...regionCodes]),
    findUserNames(db, [...userIds]),
  ]);
  return {
    departments: Object.fromEntries(departments.map((d) => [d.id, d.name])),
    regions: Object.fromEntries(regions.map((r) => [r.code, r.name])),
    users: Object.fromEntries(users.map((u) => [u.id, u.name])),
  };
}

/** Audit entries inside a region, newest first, with the actor's name, labelled changes and the item affected. */
export async function listAudit(
  db: Db,
  regionCode: string,
  filter: { action?: string; entity?: string },
  pageSize: number,
  cursor?: string,
) {
  const rows = await listAuditInSubtree(db, regionCode, filter, pageSize + 1, cursor);
  const page = rows.slice(0, pageSize);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map((await findUserNames(db, actorIds)).map((u) => [u.id, u.name]));
  const names = await auditNames(db, page);
  return {
    items: page.map((r) => ({
      ...r,
      regionName: names.regions[r.regionCode] ?? r.regionCode,
      item: auditItem(r.entity, r.before, r.after),
      changes: auditChanges(r.before, r.after, names),
      actorName: r.actorId ? (actors.get(r.actorId) ?? "（已删除账号）") : "系统",
      actionName: AUDIT_ACTION_NAMES[r.action] ?? r.action,
      entityName: AUDIT_ENTITY_NAMES[r.entity] ?? r.entity,
    })),
    nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
  };
}
