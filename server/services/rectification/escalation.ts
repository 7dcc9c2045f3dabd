import type { Db } from "../../db/client";
import { insertAudit } from "../../db/auditRepository";
import { insertStep, markItemEscalated, overdueUnescalated } from "../../db/rectificationRepository";
import { DEFAULT_ESCALATION_MINUTES, type Severity } from "../../domain/alerts";
import { parentCodeOf } from "../../domain/regions";
import { publishRectificationEvent } from "../../realtime/rectification";

/**
 * Items overdue longer than their severity's escalation limit (the same
 * settings as alerts) escalate once to the parent region's monitors.
 */
export async function escalateOverdueItems(
  db: Db,
  now = new Date(),
  limits: Record<Severity, number> = DEFAULT_ESCALATION_MINUTES,
) {
  const due = (await overdueUnescalated(db, now)).filter(
    (item) => now.getTime() - item.deadline.getTime() >= (limits[item.severity as Severity] ?? limits.WARNING) * 60_000,
  );
  const escalated = [];
  for (const item of due) {
    const parent = parentCodeOf(item.regionCode) ?? item.regionCode;
    const moved = await db.$transaction(async (tx) => {
      if (!(await markItemEscalated(tx, item.id, now))) return false;
      const days = Math.floor((now.getTime() - item.deadline.getTime()) / 86_400_000);
      await insertStep(tx, {
        itemId: item.id,
        type: "ESCALATED",
        actorId: null,
        note: `逾期${days > 0 ? ` ${days} 天` : ""}未销号，已升级至上级监测人员`,
        data: { escalatedTo: parent },
      });
      await insertAudit(tx, {
        actorId: null,
        actorRole: null,
        regionCode: item.regionCode,
        action: "RECTIFICATION_ESCALATED",
        entity: "RectificationItem",
        entityId: item.id,
        after: { escalatedTo: parent, deadline: item.deadline },
      });
      return true;
    });
    if (!moved) continue;
    escalated.push({ id: item.id, escalatedTo: parent });
    // The parent's room reaches the parent's monitors and everyone above; the county still hears it through its own push.
    const event = {
      type: "ESCALATED",
      itemId: item.id,
      state: item.state,
      regionCode: item.regionCode,
      departmentId: item.departmentId,
      title: item.title,
      escalatedTo: parent,
    };
    publishRectificationEvent(event);
  }
  return escalated;
}
