import type { Db } from "../../db/client";
import { activeSilences, findAlertsByIds, findRuleNames, firingInSubtree } from "../../db/alertRepository";
import {
  alertStates,
  claimMessage,
  createMessage,
  dueMessages,
  enabledPolicies,
  findContactPoints,
  findPreferences,
  groupingMessage,
  lastSentAt,
  markOutboxProcessed,
  policiesCovering,
  promoteDueGroups,
  recordAlertQueued,
  unprocessedOutbox,
  updateMessage,
} from "../../db/notificationRepository";
import { findRegions } from "../../db/regionRepository";
import { acknowledgementHolds, ruleTypeOfKey } from "../../domain/alerts";
import {
  composeMessage,
  groupSendAfter,
  MAX_ATTEMPTS,
  policyMatches,
  quietUntil,
  retryDelayMs,
  silencedBy,
  type ContactKind,
  type MessageAlert,
} from "../../domain/notifications";
import { ancestorCodesOf } from "../../domain/regions";
import { openSecret } from "./secretBox";
import { send, smtpFromEnv, type SmtpSettings } from "./senders";

export interface MessageItem {
  alertId: string;
  eventSeq: number | null;
  type: string;
}

export interface DispatchOptions {
  now?: Date;
  publicUrl?: string;
  smtp?: SmtpSettings | null;
  retryBaseMs?: number;
}

const splitList = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

function publicUrl(options: DispatchOptions) {
  return options.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

async function alertFacts(db: Db, alertIds: string[]) {
  const alerts = await findAlertsByIds(db, alertIds);
  const rules = new Map((await findRuleNames(db, [...new Set(alerts.map((a) => a.ruleId))])).map((r) => [r.id, r]));
  return new Map(
    alerts.map((a) => [
      a.id,
      {
        alert: a,
        rule: rules.get(a.ruleId) ?? { id: a.ruleId, name: a.ruleKey, type: ruleTypeOfKey(a.ruleKey) ?? a.ruleKey },
      },
    ]),
  );
}

/**
 * Adds an alert to the open group of a contact point under a policy, or opens
 * a group that will be sent after the group wait (later, within quiet hours,
 * for INFO alerts to a person who asked for quiet).
 */
async function addToGroup(
  db: Db,
  contactPointId: string,
  policy: { id: string; groupWaitSec: number; groupIntervalSec: number },
  item: MessageItem,
  holdUntil: Date | null,
  now: Date,
) {
  const open = await groupingMessage(db, contactPointId, policy.id);
  if (open) {
    const items = open.items as unknown as MessageItem[];
    if (!items.some((i) => i.alertId === item.alertId && i.type === item.type)) items.push(item);
    const sendAfter = holdUntil && holdUntil > open.sendAfter ? holdUntil : open.sendAfter;
    await updateMessage(db, open.id, { items: items as never, sendAfter, nextAttemptAt: sendAfter });
  } else {
    const after = groupSendAfter(
      now,
      policy.groupWaitSec,
      policy.groupIntervalSec,
      await lastSentAt(db, contactPointId, policy.id),
    );
    const sendAfter = holdUntil && holdUntil > after ? holdUntil : after;
    await createMessage(db, {
      contactPointId,
      policyId: policy.id,
      status: "GROUPING",
      items: [item] as never,
      sendAfter,
      nextAttemptAt: sendAfter,
    });
  }
  await recordAlertQueued(db, contactPointId, item.alertId, now);
}

async function quietHoldFor(db: Db, contactPoints: Map<string, { ownerUserId: string | null }>, now: Date) {
  const owners = [...new Set([...contactPoints.values()].map((c) => c.ownerUserId).filter((x): x is string => !!x))];
  const prefs = new Map((await findPreferences(db, owners)).map((p) => [p.userId, p]));
  return (contactPointId: string, severity: string) => {
    const owner = contactPoints.get(contactPointId)?.ownerUserId;
    const pref = owner ? prefs.get(owner) : undefined;
    return severity === "INFO" && pref ? quietUntil(now, pref.quietStart, pref.quietEnd) : null;
  };
}

/** Turns outbox rows into grouped messages: policy match, silences, quiet hours. */
export async function expandOutbox(db: Db, now = new Date()): Promise<number> {
  const rows = await unprocessedOutbox(db, 500);
  if (rows.length === 0) return 0;
  const facts = await alertFacts(db, [...new Set(rows.map((r) => r.alertId!).filter(Boolean))]);
  const silences = await activeSilences(db, now);
  for (const row of rows) {
    const fact = row.alertId ? facts.get(row.alertId) : undefined;
    if (!fact || silencedBy(silences, fact.alert)) continue;
    const policies = (await policiesCovering(db, [...ancestorCodesOf(row.regionCode), row.regionCode])).filter((p) =>
      policyMatches(
        { regionCode: p.regionCode, severities: splitList(p.severities), ruleTypes: splitList(p.ruleTypes) },
        { regionCode: row.regionCode, severity: fact.alert.severity, ruleType: fact.rule.type },
      ),
    );
    const contacts = new Map(
      (
        await findContactPoints(
          db,
          policies.map((p) => p.contactPointId),
        )
      )
        .filter((c) => c.enabled)
        .map((c) => [c.id, c]),
    );
    const hold = await quietHoldFor(db, contacts, now);
    for (const policy of policies) {
      if (!contacts.has(policy.contactPointId)) continue;
      await addToGroup(
        db,
        policy.contactPointId,
        policy,
        { alertId: row.alertId!, eventSeq: row.eventSeq, type: row.type },
        hold(policy.contactPointId, fact.alert.severity),
        now,
      );
    }
  }
  await markOutboxProcessed(
    db,
    rows.map((r) => r.id),
    now,
  );
  return rows.length;
}

/** Still firing and still not acknowledged: remind each contact point once per repeat interval. */
export async function queueRepeats(db: Db, now = new Date()): Promise<number> {
  let queued = 0;
  const silences = await activeSilences(db, now);
  for (const policy of await enabledPolicies(db)) {
    const [contact] = await findContactPoints(db, [policy.contactPointId]);
    if (!contact?.enabled) continue;
    const firing = await firingInSubtree(db, policy.regionCode, splitList(policy.severities), 500);
    const unacked = firing.filter(
      (a) => !acknowledgementHolds(a.human, a.value, now) && !a.human?.resolvedAt && !silencedBy(silences, a),
    );
    if (unacked.length === 0) continue;
    const facts = await alertFacts(
      db,
      unacked.map((a) => a.id),
    );
    const ruleTypes = splitList(policy.ruleTypes);
    const last = new Map(
      (
        await alertStates(
          db,
          contact.id,
          unacked.map((a) => a.id),
        )
      ).map((s) => [s.alertId, s.lastSentAt]),
    );
    const hold = await quietHoldFor(db, new Map([[contact.id, contact]]), now);
    for (const alert of unacked) {
      if (ruleTypes.length > 0 && !ruleTypes.includes(facts.get(alert.id)!.rule.type)) continue;
      const previous = last.get(alert.id);
      // Only alerts this contact point has already been told about are repeated; new ones arrive through the outbox.
      if (!previous || now.getTime() - previous.getTime() < policy.repeatIntervalSec * 1000) continue;
      await addToGroup(
        db,
        contact.id,
        policy,
        { alertId: alert.id, eventSeq: null, type: "REPEAT" },
        hold(contact.id, alert.severity),
        now,
      );
      queued += 1;
    }
  }
  return queued;
}

async function contentOf(db: Db, message: { items: unknown; test: boolean }, options: DispatchOptions) {
  const items = message.items as MessageItem[];
  const facts = await alertFacts(
    db,
    items.map((i) => i.alertId),
  );
  const names = new Map(
    (await findRegions(db, [...new Set([...facts.values()].map((f) => f.alert.regionCode))])).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const alerts: MessageAlert[] = items.flatMap((item) => {
    const fact = facts.get(item.alertId);
    if (!fact) return [];
    const a = fact.alert;
    return [
      {
        id: a.id,
        eventType: item.type,
        regionName: names.get(a.regionCode) ?? a.regionCode,
        ruleName: fact.rule.name,
        ruleType: fact.rule.type,
        severity: a.severity,
        value: a.value,
        threshold: a.threshold,
        summary: a.summary,
        period: a.period,
      },
    ];
  });
  return composeMessage(alerts, publicUrl(options), message.test);
}

type MessageRow = NonNullable<Awaited<ReturnType<typeof dueMessages>>[number]>;

/** Sends one claimed message; a failure is retried with exponential backoff, then dead-lettered (a test send at once). */
export async function deliverMessage(
  db: Db,
  message: MessageRow,
  options: DispatchOptions = {},
): Promise<{ ok: boolean; error: string | null; dead: boolean }> {
  const now = options.now ?? new Date();
  const [contact] = await findContactPoints(db, [message.contactPointId]);
  try {
    if (!contact) throw new Error("通知渠道已删除");
    const content = await contentOf(db, message, options);
    if (!message.test && content.alerts.length === 0) throw new Error("消息中的预警已不存在");
    await send(
      {
        kind: contact.kind as ContactKind,
        target: contact.target,
        secret: contact.secretCipher ? openSecret(contact.secretCipher) : null,
      },
      content,
      {
        idempotencyKey: message.id,
        regionCode: contact.regionCode,
        now,
        smtp: options.smtp === undefined ? smtpFromEnv() : options.smtp,
      },
    );
    await updateMessage(db, message.id, {
      status: "SENT",
      sentAt: now,
      attempts: message.attempts + 1,
      lockedUntil: null,
      lastError: null,
    });
    return { ok: true, error: null, dead: false };
  } catch (error) {
    const attempts = message.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS || !contact || message.test;
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await updateMessage(db, message.id, {
      status: dead ? "DEAD" : "PENDING",
      attempts,
      lastError: reason,
      lockedUntil: null,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, options.retryBaseMs)),
    });
    return { ok: false, error: reason, dead };
  }
}

/** Sends every due message once, each claimed first so two instances never send the same one together. */
export async function deliverDue(
  db: Db,
  options: DispatchOptions = {},
): Promise<{ sent: number; failed: number; dead: number }> {
  const now = options.now ?? new Date();
  await promoteDueGroups(db, now);
  const result = { sent: 0, failed: 0, dead: 0 };
  for (const message of await dueMessages(db, now, 50)) {
    const [contact] = await findContactPoints(db, [message.contactPointId]);
    if (contact && !contact.enabled) continue; // kept until the channel is switched on again
    if (!(await claimMessage(db, message.id, now, 60_000))) continue;
    const outcome = await deliverMessage(db, message, { ...options, now });
    result[outcome.ok ? "sent" : outcome.dead ? "dead" : "failed"] += 1;
  }
  return result;
}

/** One turn of the worker: outbox → groups → repeats → sends. */
export async function runNotificationTurn(db: Db, options: DispatchOptions = {}) {
  const now = options.now ?? new Date();
  const expanded = await expandOutbox(db, now);
  const repeated = await queueRepeats(db, now);
  const delivery = await deliverDue(db, { ...options, now });
  return { expanded, repeated, ...delivery };
}
