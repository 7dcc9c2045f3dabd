import type { Db, Tx } from "./client";
import { subtreeRange } from "../domain/regions";

export interface AuditEntry {
  actorId: string | null;
  actorRole: string | null;
  regionCode: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function insertAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...entry,
      before: (entry.before ?? undefined) as object | undefined,
      after: (entry.after ?? undefined) as object | undefined,
    },
  });
}

/** A signed-in user's action: the row names that user and the role they acted in, as the audit log shows them. */
export function insertAuditBy(
  tx: Tx | Db,
  actor: { id: string; role: string },
  entry: Omit<AuditEntry, "actorId" | "actorRole">,
): Promise<void> {
  return insertAudit(tx, { actorId: actor.id, actorRole: actor.role, ...entry });
}

export function listAuditInSubtree(
  db: Db,
  regionCode: string,
  filter: { action?: string; entity?: string },
  take: number,
  cursor?: string,
) {
  return db.auditLog.findMany({
    where: {
      regionCode: subtreeRange(regionCode),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.entity ? { entity: filter.entity } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
}
