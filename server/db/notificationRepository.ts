import { randomUUID } from "node:crypto";
import { bulkInsertNew } from "./bulk";
import type { Db, Tx } from "./client";
import { isNotifiedEvent } from "../domain/notifications";

type Client = Db | Tx;

const OUTBOX_COLUMNS = ["id", "eventSeq", "alertId", "regionCode", "type", "createdAt"] as const;

/**
 * Called by the writer of every alert event, inside its transaction: the
 * outbox row commits or rolls back with the event, so an alert raised just
 * before a crash is still delivered after the restart.
 */
export async function enqueueAlertNotifications(
  tx: Tx,
  events: { seq: number; alertId: string | null; regionCode: string; type: string }[],
): Promise<void> {
  const createdAt = new Date();
  const rows = events
    .filter((e) => e.alertId && isNotifiedEvent(e.type))
    .map((e) => [randomUUID(), e.seq, e.alertId, e.regionCode, e.type, createdAt]);
  await bulkInsertNew(tx, "NotificationOutbox", OUTBOX_COLUMNS, rows);
}

// ─── Contact points and policies ─────────────────────────────────────────

export function contactPointsInSubtree(db: Client, regionCode: string) {
  return db.contactPoint.findMany({
    where: { regionCode: { startsWith: regionCode }, ownerUserId: null },
    orderBy: { createdAt: "asc" },
  });
}

export function contactPointsOfOwner(db: Client, userId: string) {
  return db.contactPoint.findMany({ where: { ownerUserId: userId }, orderBy: { createdAt: "asc" } });
}

export function findContactPoint(db: Client, id: string) {
  return db.contactPoint.findUnique({ where: { id } });
}

export function findContactPoints(db: Client, ids: string[]) {
  return db.contactPoint.findMany({ where: { id: { in: ids } } });
}

export function createContactPoint(db: Client, data: Parameters<Db["contactPoint"]["create"]>[0]["data"]) {
  return db.contactPoint.create({ data });
}

export function updateContactPoint(db: Client, id: string, data: Parameters<Db["contactPoint"]["update"]>[0]["data"]) {
  return db.contactPoint.update({ where: { id }, data });
}

export async function deleteContactPoint(db: Db, id: string) {
  await db.$transaction([
    db.notificationPolicy.deleteMany({ where: { contactPointId: id } }),
    db.contactPoint.delete({ where: { id } }),
  ]);
}

export function policiesInSubtree(db: Client, regionCode: string) {
  return db.notificationPolicy.findMany({
    where: { regionCode: { startsWith: regionCode } },
    orderBy: { createdAt: "asc" },
  });
}

export function policiesOfContactPoint(db: Client, contactPointId: string) {
  return db.notificationPolicy.findMany({ where: { contactPointId } });
}

/** Enabled policies whose region is the given region or one of its ancestors. */
export function policiesCovering(db: Client, ancestorsAndSelf: string[]) {
  return db.notificationPolicy.findMany({ where: { enabled: true, regionCode: { in: ancestorsAndSelf } } });
}

export function enabledPolicies(db: Client) {
  return db.notificationPolicy.findMany({ where: { enabled: true, repeatIntervalSec: { gt: 0 } } });
}

export function findPolicy(db: Client, id: string) {
  return db.notificationPolicy.findUnique({ where: { id } });
}

export function createPolicy(db: Client, data: Parameters<Db["notificationPolicy"]["create"]>[0]["data"]) {
  return db.notificationPolicy.create({ data });
}

export function updatePolicy(db: Client, id: string, data: Parameters<Db["notificationPolicy"]["update"]>[0]["data"]) {
  return db.notificationPolicy.update({ where: { id }, data });
}

export function deletePolicy(db: Client, id: string) {
  return db.notificationPolicy.delete({ where: { id } });
}

// ─── Outbox and messages ─────────────────────────────────────────────────

export function unprocessedOutbox(db: Client, take: number) {
  return db.notificationOutbox.findMany({ where: { processedAt: null }, orderBy: { eventSeq: "asc" }, take });
}

export function markOutboxProcessed(db: Client, ids: string[], at: Date) {
  return db.notificationOutbox.updateMany({ where: { id: { in: ids } }, data: { processedAt: at } });
}

export function groupingMessage(db: Client, contactPointId: string, policyId: string | null) {
  return db.notificationMessage.findFirst({ where: { contactPointId, policyId, status: "GROUPING" } });
}

export async function lastSentAt(db: Client, contactPointId: string, policyId: string | null): Promise<Date | null> {
  const last = await db.notificationMessage.findFirst({
    where: { contactPointId, policyId, status: "SENT", test: false },
    orderBy: { sentAt: "desc" },
    select: { sentAt: true },
  });
  return last?.sentAt ?? null;
}

export function createMessage(db: Client, data: Parameters<Db["notificationMessage"]["create"]>[0]["data"]) {
  return db.notificationMessage.create({ data });
}

export function updateMessage(
  db: Client,
  id: string,
  data: Parameters<Db["notificationMessage"]["update"]>[0]["data"],
) {
  return db.notificationMessage.update({ where: { id }, data });
}

export function promoteDueGroups(db: Client, now: Date) {
  return db.notificationMessage.updateMany({
    where: { status: "GROUPING", sendAfter: { lte: now } },
    data: { status: "PENDING", nextAttemptAt: now },
  });
}

export function dueMessages(db: Client, now: Date, take: number) {
  return db.notificationMessage.findMany({
    where: {
      status: "PENDING",
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take,
  });
}

/** True when this caller won the message: another instance's worker cannot send it at the same time. */
export async function claimMessage(db: Client, id: string, now: Date, leaseMs: number): Promise<boolean> {
  const { count } = await db.notificationMessage.updateMany({
    where: { id, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

export function messagesOfContactPoints(db: Client, contactPointIds: string[], take: number) {
  return db.notificationMessage.findMany({
    where: { contactPointId: { in: contactPointIds } },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export function findMessage(db: Client, id: string) {
  return db.notificationMessage.findUnique({ where: { id } });
}

export function alertStates(db: Client, contactPointId: string, alertIds: string[]) {
  return db.notificationAlertState.findMany({ where: { contactPointId, alertId: { in: alertIds } } });
}

export function recordAlertQueued(db: Client, contactPointId: string, alertId: string, at: Date) {
  return db.notificationAlertState.upsert({
    where: { contactPointId_alertId: { contactPointId, alertId } },
    create: { contactPointId, alertId, lastSentAt: at },
    update: { lastSentAt: at },
  });
}

// ─── Preferences ─────────────────────────────────────────────────────────

export function findPreference(db: Client, userId: string) {
  return db.notificationPreference.findUnique({ where: { userId } });
}

export function findPreferences(db: Client, userIds: string[]) {
  return db.notificationPreference.findMany({ where: { userId: { in: userIds } } });
}

export function savePreference(
  db: Client,
  userId: string,
  data: { quietStart: number | null; quietEnd: number | null },
) {
  return db.notificationPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}
