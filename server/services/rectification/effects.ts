import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import { findAlert } from "../../db/alertRepository";
import { insertAuditBy } from "../../db/auditRepository";
import { findRecordsByIds } from "../../db/burdenRepository";
import { findExposureCase, markExposureRectified } from "../../db/exposureRepository";
import { countItemsFrom } from "../../db/rectificationRepository";
import { ENDING_ACTIONS, type RectificationAction } from "../../domain/rectification";
import { isStockKind } from "../../domain/stock";
import { bus } from "../../bus";
import { resolveAlertByHand } from "../alerts/alertActions";
import { endLastingBurden } from "../lasting";
import { withdrawBurdenRecord } from "../records";

export interface AcceptanceEffects {
  /** One-off demands (forms, certificates…): withdrawn, out of every count. */
  withdrawnRecords: string[];
  /** Lasting burdens (groups, mechanisms, signs): ended on the acceptance date, their past months kept. */
  endedRecords: string[];
  failedRecords: { id: string; reason: string }[];
  alertResolved: boolean;
  exposureRectified: boolean;
}

/**
 * What 销号 changes outside the item: the demands it says were withdrawn,
 * dissolved or taken down stop counting (through the one withdraw or end path,
 * so aggregates and alerts follow), the alert it came from is resolved with a
 * link to it, and an exposure case whose items are all closed is rectified.
 */
// A lasting burden did burden villages until it was dissolved, so it is ended,
// not withdrawn. The end date is the acceptance date, not a date the department
// states: only at 销号 has a monitor checked that it is gone, and a back-dated end
// would rewrite months already judged, reported and alerted on.
export async function applyAcceptance(
  db: Db,
  user: SessionUser,
  item: {
    id: string;
    title: string;
    action: string;
    alertId: string | null;
    exposureCaseId: string | null;
    regionCode: string;
  },
  recordIds: string[],
  now: Date,
): Promise<AcceptanceEffects> {
  const effects: AcceptanceEffects = {
    withdrawnRecords: [],
    endedRecords: [],
    failedRecords: [],
    alertResolved: false,
    exposureRectified: false,
  };
  if (ENDING_ACTIONS.has(item.action as RectificationAction) && recordIds.length) {
    const active = (await findRecordsByIds(db, recordIds)).filter((r) => r.status === "ACTIVE");
    const reason = `整改销号：${item.title}`;
    for (const { id, kind, endedOn } of active) {
      try {
        if (!isStockKind(kind)) {
          await withdrawBurdenRecord(db, user, id, reason);
          effects.withdrawnRecords.push(id);
        } else if (!endedOn || endedOn > now) {
          await endLastingBurden(db, user, id, now, reason);
          effects.endedRecords.push(id);
        }
      } catch (error) {
        effects.failedRecords.push({ id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  if (item.alertId) effects.alertResolved = await resolveAlertIfDone(db, user, item.alertId, item, now);
  if (item.exposureCaseId) effects.exposureRectified = await rectifyExposureIfDone(db, user, item.exposureCaseId, now);
  return effects;
}

async function resolveAlertIfDone(
  db: Db,
  user: SessionUser,
  alertId: string,
  item: { id: string; title: string },
  now: Date,
) {
  if ((await countItemsFrom(db, { alertId }, true)) > 0) return false;
  if ((await findAlert(db, alertId))?.human?.resolvedAt) return false;
  try {
    await resolveAlertByHand(db, user, alertId, `整改事项“${item.title}”已销号（事项编号 ${item.id}）`, now);
    return true;
  } catch {
    return false; // the alert may lie outside this monitor's jurisdiction; the item stays closed regardless
  }
}

async function rectifyExposureIfDone(db: Db, user: SessionUser, caseId: string, now: Date) {
  if ((await countItemsFrom(db, { exposureCaseId: caseId }, true)) > 0) return false;
  if (!(await markExposureRectified(db, caseId, now))) return false;
  const found = (await findExposureCase(db, caseId))!;
  await insertAuditBy(db, user, {
    regionCode: found.regionCode,
    action: "EXPOSURE_RECTIFIED",
    entity: "ExposureCase",
    entityId: caseId,
    after: { state: "RECTIFIED", by: "整改事项全部销号" },
  });
  bus.emit("region:event", found.regionCode, "exposure:changed", {
    id: caseId,
    state: "RECTIFIED",
    regionCode: found.regionCode,
  });
  return true;
}

/** Why an exposure case cannot be marked rectified by hand, or null when it can. */
export async function exposureRectificationBlocker(db: Db, caseId: string): Promise<string | null> {
  const [total, open] = await Promise.all([
    countItemsFrom(db, { exposureCaseId: caseId }, false),
    countItemsFrom(db, { exposureCaseId: caseId }, true),
  ]);
  if (total === 0) return "该案例尚无整改事项：请先生成整改事项，事项全部销号后案例自动标记为已整改";
  if (open > 0) return `该案例还有 ${open} 项整改事项未销号，全部销号后自动标记为已整改`;
  return null;
}
