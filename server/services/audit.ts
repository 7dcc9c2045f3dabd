import type { Db } from "../db/client";
import { listAuditInSubtree } from "../db/auditRepository";
import { findUserNames } from "../db/userRepository";
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES } from "../domain/audit";

/** Audit entries inside a region, newest first, with the actor's name. */
export async function listAudit(db: Db, regionCode: string, filter: { action?: string; entity?: string }, pageSize: number, cursor?: string) {
  const rows = await listAuditInSubtree(db, regionCode, filter, pageSize + 1, cursor);
  const page = rows.slice(0, pageSize);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map((await findUserNames(db, actorIds)).map((u) => [u.id, u.name]));
  return {
    items: page.map((r) => ({
      ...r,
      actorName: r.actorId ? actors.get(r.actorId) ?? "（已删除账号）" : "系统",
      actionName: AUDIT_ACTION_NAMES[r.action] ?? r.action,
      entityName: AUDIT_ENTITY_NAMES[r.entity] ?? r.entity,
    })),
    nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
  };
}
