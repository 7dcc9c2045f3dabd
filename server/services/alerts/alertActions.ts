import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import {
  eventsPage,
  eventsOfAlert,
  findAlert,
  findAlertOrThrow,
  findRuleById,
  firingUnescalated,
  insertNote,
  insertSilence,
  listAlertsInSubtree,
  maxSeq,
  notesOf,
  recordsBehindAlert,
  unexpiredSilencesInSubtree,
  upsertDelivery,
  upsertHuman,
} from "../../db/alertRepository";
import { countRegionsFromCountyDown, regionNamer } from "../../db/regionRepository";
import { findEnabledUsersWithRoles, findUserById } from "../../db/userRepository";
import {
  acknowledgementHolds,
  DEFAULT_ESCALATION_MINUTES,
  dueForEscalation,
  type MachineState,
  type RuleType,
  type Severity,
} from "../../domain/alerts";
import { isWithin, parentCodeOf } from "../../domain/regions";
import { alertDtos, publishAlertEvents, toAlertDto, writeAlertEvents, type AlertEventMessage } from "./alertEvents";
import { silencedAlertIds } from "./alertEvaluation";
import { toAlertNoteDto, toAlertRecordDto, toTimelineEvent } from "../dto/alerts";
import { NotFoundError, PermissionError, UserInputError } from "../errors";

async function alertInJurisdiction(db: Db, user: SessionUser, id: string) {
  const alert = await findAlert(db, id);
  if (!alert || !isWithin(alert.regionCode, user.regionCode)) throw new NotFoundError("预警不存在或不在您的管辖范围内");
  return alert;
}

/** Current alerts in a region and the sequence to replay live events from. */
export async function listAlerts(
  db: Db,
  regionCode: string,
  filter: { states?: string[]; severity?: string; ruleType?: RuleType },
  now = new Date(),
) {
  // Read before the list: an event committed in between is then replayed (and applied once)
  // rather than counted as shown by a list that does not show it.
  const lastSeq = await maxSeq(db);
  const alerts = await listAlertsInSubtree(db, regionCode, filter, 500);
  const silenced = await silencedAlertIds(db, alerts, now);
  return { alerts: await alertDtos(db, alerts, now, silenced), lastSeq };
}

type HumanChange = Parameters<typeof upsertHuman>[2];

/** One human action: the human layer changes, an event is stored and pushed; machine state is untouched. */
type AlertRow = Awaited<ReturnType<typeof alertInJurisdiction>>;

async function humanAction(
  db: Db,
  user: SessionUser,
  alert: AlertRow,
  type: string,
  change: HumanChange | null,
  note: string | null,
  extra: Record<string, unknown> = {},
) {
  const nameOf = await regionNamer(db, [alert]);
  const event = await db.$transaction(async (tx) => {
    if (change) await upsertHuman(tx, alert.id, change);
    if (note) await insertNote(tx, { alertId: alert.id, authorId: user.id, body: note });
    const fresh = await findAlertOrThrow(tx, alert.id);
    const dto = toAlertDto(fresh, nameOf(alert.regionCode));
    await insertAuditBy(tx, user, {
      regionCode: alert.regionCode,
      action: `ALERT_${type}`,
      entity: "Alert",
      entityId: alert.id,
      after: { note, ...extra },
    });
    // Last, so the event-order lock (PostgreSQL) is held only until the commit that follows.
    const [stored] = await writeAlertEvents(tx, [
      {
        alertId: alert.id,
        regionCode: alert.regionCode,
        type,
        payload: { alert: dto, by: user.name, note, ...extra },
        actorId: user.id,
      },
    ]);
    return stored!;
  });
  publishAlertEvents([event]);
  return event;
}

export async function acknowledgeAlert(
  db: Db,
  user: SessionUser,
  input: { id: string; reason: string; expiresAt: Date | null; ceilingMargin: number | null },
  now = new Date(),
) {
  if (input.reason.trim().length < 2) throw new UserInputError("签收须填写理由");
  if (input.expiresAt && input.expiresAt <= now) throw new UserInputError("签收有效期须晚于当前时间");
  const alert = await alertInJurisdiction(db, user, input.id);
  return humanAction(
    db,
    user,
    alert,
    "ACKNOWLEDGED",
    {
      ackedById: user.id,
      ackedAt: now,
      ackReason: input.reason.trim(),
      ackExpiresAt: input.expiresAt,
      ackValue: alert.value,
      ackCeilingMargin: input.ceilingMargin,
    },
    null,
    { reason: input.reason.trim(), ceiling: input.ceilingMargin === null ? null : alert.value + input.ceilingMargin },
  );
}

export const ASSIGNABLE_ROLES: readonly string[] = ["inspector", "monitor"];

/** Who an alert in this region can be assigned to: assignable roles whose jurisdiction contains it. */
export async function alertAssignees(db: Db, regionCode: string) {
  const users = await findEnabledUsersWithRoles(db, ASSIGNABLE_ROLES);
  return users.filter((u) => isWithin(regionCode, u.regionCode));
}

export async function assignAlert(db: Db, user: SessionUser, id: string, assigneeId: string) {
  const assignee = await findUserById(db, assigneeId);
  const alert = await alertInJurisdiction(db, user, id);
  if (!assignee || assignee.disabled || !isWithin(alert.regionCode, assignee.regionCode))
    throw new UserInputError("被指派人不存在或其辖区不含该预警");
  // Only roles that can act on an alert may own one; a department or leader assignee would leave it stranded.
  if (!ASSIGNABLE_ROLES.includes(assignee.role)) throw new UserInputError("只能指派给督查员或监测员");
  return humanAction(db, user, alert, "ASSIGNED", { assigneeId }, null, { assignee: assignee.name });
}

export async function noteAlert(db: Db, user: SessionUser, id: string, body: string) {
  if (!body.trim()) throw new UserInputError("备注不能为空");
  return humanAction(db, user, await alertInJurisdiction(db, user, id), "NOTE", null, body.trim());
}

export async function resolveAlertByHand(
  db: Db,
  user: SessionUser,
  id: string,
  rectification: string,
  now = new Date(),
) {
  if (rectification.trim().length < 2) throw new UserInputError("人工处置须填写整改说明");
  return humanAction(
    db,
    user,
    await alertInJurisdiction(db, user, id),
    "RESOLVED_BY_HAND",
    { resolvedById: user.id, resolvedAt: now, rectificationNote: rectification.trim() },
    null,
    { rectification: rectification.trim() },
  );
}

/** The alert, its timeline (machine and human events), notes, and the records behind it. */
export async function alertDetail(db: Db, user: SessionUser, id: string) {
  const alert = await alertInJurisdiction(db, user, id);
  await upsertDelivery(db, alert.id, user.id, "openedAt", new Date());
  const [dto] = await alertDtos(db, [alert]);
  const rule = await findRuleById(db, alert.ruleId);
  const records = rule?.burdenKind
    ? await recordsBehindAlert(
        db,
        {
          regionCode: alert.regionCode,
          kind: rule.burdenKind,
          period: alert.lastPeriod ?? alert.period,
          violationsOnly: rule.type === "VIOLATION",
        },
        50,
      )
    : [];
  return {
    alert: dto!,
    ruleName: rule?.name ?? alert.ruleKey,
    events: (await eventsOfAlert(db, alert.id)).map(toTimelineEvent),
    notes: (await notesOf(db, alert.id)).map(toAlertNoteDto),
    records: records.map(toAlertRecordDto),
  };
}

/** Events a reconnecting client missed, in order, only inside its jurisdiction. */
// Instances publish through Redis independently, so a socket may see seq 6
// before seq 5 and disconnect in between. A replay therefore also resends the
// last half minute; clients drop sequences they already applied.
const REPLAY_OVERLAP_MS = 30_000;
const REPLAY_PAGE = 1000;
/** More than this and the client reloads its list instead: a replay is for a short absence. */
const REPLAY_LIMIT = 5000;

type StoredEvent = Awaited<ReturnType<typeof eventsPage>>[number];

/**
 * Everything after `afterSeq`, and the last half minute's events between `loadedAt` (what the
 * client's list already reflects) and `afterSeq`. Both read page by page: a burst written just
 * before the list was loaded once filled the one 1000-row read and pushed the missed events out.
 * `complete: false` means more than `limit` events were missed.
 */
export async function missedEvents(
  db: Db,
  regionCode: string,
  afterSeq: number,
  options: { loadedAt?: number; now?: Date; limit?: number } = {},
): Promise<{ events: StoredEvent[]; complete: boolean }> {
  const { loadedAt = 0, now = new Date(), limit = REPLAY_LIMIT } = options;
  const read = async (range: { after: number; upTo?: number; since?: Date }, room: number) => {
    const rows: StoredEvent[] = [];
    let after = range.after;
    // One row beyond `room` tells the caller it overflowed.
    while (rows.length <= room && (range.upTo === undefined || after < range.upTo)) {
      const take = Math.min(REPLAY_PAGE, room + 1 - rows.length);
      const page = await eventsPage(db, regionCode, { ...range, after }, take);
      rows.push(...page);
      if (page.length < take) break;
      after = page.at(-1)!.seq;
    }
    return rows;
  };
  const since = new Date(now.getTime() - REPLAY_OVERLAP_MS);
  const recent = await read({ after: Math.min(loadedAt, afterSeq), upTo: afterSeq, since }, limit);
  const later = recent.length > limit ? [] : await read({ after: afterSeq }, limit - recent.length);
  const events = [...recent, ...later];
  return { events: events.slice(0, limit), complete: events.length <= limit };
}

export function recordReceipt(db: Db, userId: string, alertIds: string[], at = new Date()) {
  return Promise.all(
    alertIds.slice(0, 200).map((id) => upsertDelivery(db, id, userId, "receivedAt", at).catch(() => null)),
  );
}

/**
 * Firing alerts nobody acknowledged (or nobody even opened) within the limit of
 * their severity escalate once to the parent region's inspectors.
 */
export async function runEscalation(
  db: Db,
  now = new Date(),
  limits: Record<Severity, number> = DEFAULT_ESCALATION_MINUTES,
): Promise<AlertEventMessage[]> {
  const firing = await firingUnescalated(db);
  const due = firing.filter((a) => {
    const h = a.human;
    const acknowledged = acknowledgementHolds(h, a.value, now);
    return (
      !h?.resolvedAt &&
      dueForEscalation(
        {
          state: a.state as MachineState,
          severity: a.severity as Severity,
          firingAt: a.firingAt,
          escalationLevel: h?.escalationLevel ?? 0,
        },
        acknowledged,
        now,
        limits,
      )
    );
  });
  // A silence stops escalation as it stops notifications (Alertmanager); the alert stays listed, marked 已静默.
  const silenced = await silencedAlertIds(db, due, now);
  const unsilenced = due.filter((a) => !silenced.has(a.id));
  if (unsilenced.length === 0) return [];
  const nameOf = await regionNamer(db, unsilenced);
  const events = await db.$transaction(async (tx) => {
    const out: AlertEventMessage[] = [];
    for (const alert of unsilenced) {
      const parent = parentCodeOf(alert.regionCode) ?? alert.regionCode;
      // The upsert returns the whole human state, so the event's DTO needs no second read of the alert.
      const human = await upsertHuman(tx, alert.id, { escalationLevel: 1, escalatedAt: now });
      const seen = alert.deliveries.some((d) => d.openedAt);
      out.push(
        ...(await writeAlertEvents(tx, [
          {
            alertId: alert.id,
            regionCode: alert.regionCode,
            type: "ESCALATED",
            payload: {
              alert: toAlertDto({ ...alert, human }, nameOf(alert.regionCode), now),
              escalatedTo: parent,
              unseen: !seen,
            },
          },
        ])),
      );
    }
    return out;
  });
  publishAlertEvents(events);
  return events;
}

export async function createSilence(
  db: Db,
  user: SessionUser,
  input: { regionCode: string; ruleKey: string | null; reason: string; expiresAt: Date },
  now = new Date(),
) {
  if (!isWithin(input.regionCode, user.regionCode))
    throw new PermissionError(`区划 ${input.regionCode} 不在您的管辖范围内`);
  if (input.expiresAt <= now) throw new UserInputError("静默须设置晚于当前时间的截止时间");
  if (input.expiresAt.getTime() - now.getTime() > 90 * 86400_000)
    throw new UserInputError("静默最长90天，到期后如需继续请重新设置");
  if (input.reason.trim().length < 2) throw new UserInputError("静默须填写理由");
  const silence = await insertSilence(db, { ...input, reason: input.reason.trim(), createdById: user.id });
  const hidden = await countRegionsFromCountyDown(db, input.regionCode);
  await insertAuditBy(db, user, {
    regionCode: input.regionCode,
    action: "SILENCE_CREATE",
    entity: "Silence",
    entityId: silence.id,
    after: silence,
  });
  return { silence, regionsHidden: hidden };
}

export async function listSilences(db: Db, regionCode: string, now = new Date()) {
  const silences = await unexpiredSilencesInSubtree(db, regionCode, now);
  return Promise.all(
    silences.map(async (s) => ({
      ...s,
      regionsHidden: await countRegionsFromCountyDown(db, s.regionCode),
    })),
  );
}
