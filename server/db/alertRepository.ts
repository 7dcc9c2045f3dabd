import { randomUUID } from "node:crypto";
import { dialectOf, type Db, type Tx } from "./client";
import { RULE_KEY_PREFIXES, type RuleType } from "../domain/alerts";
import { subtreeRange } from "../domain/regions";
import { STOCK_KINDS } from "../domain/stock";
import { bulkInsertNew, bulkInsertReturning, bulkUpdateJson } from "./bulk";
import { type Alert, Prisma } from "./generated/client";
import { enqueueAlertNotifications } from "./notificationRepository";

// ─── Rules ───────────────────────────────────────────────────────────────

export function listRuleVersions(db: Db | Tx, regionCodes: string[]) {
  return db.rule.findMany({
    where: { regionCode: { in: regionCodes } },
    orderBy: [{ ruleKey: "asc" }, { version: "desc" }],
  });
}

export function insertRule(db: Db | Tx, data: Parameters<Db["rule"]["create"]>[0]["data"]) {
  return db.rule.create({ data });
}

export function latestRuleVersion(db: Db | Tx, ruleKey: string) {
  return db.rule.findFirst({ where: { ruleKey }, orderBy: { version: "desc" } });
}

export function findRuleNames(db: Db, ids: string[]) {
  return db.rule.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, type: true } });
}

export function findRuleById(db: Db | Tx, id: string) {
  return db.rule.findUnique({ where: { id } });
}

// ─── Alerts ──────────────────────────────────────────────────────────────

/** The active records of one kind and month in a subtree, newest first, as an alert's detail lists them. */
export function recordsBehindAlert(
  db: Db,
  where: { regionCode: string; kind: string; period: number; violationsOnly: boolean },
  take: number,
) {
  return db.burdenRecord.findMany({
    where: {
      kind: where.kind,
      period: where.period,
      status: "ACTIVE",
      ...(where.violationsOnly ? { isViolation: true } : {}),
      scopeRegionCode: subtreeRange(where.regionCode),
    },
    take,
    orderBy: { occurredOn: "desc" },
    include: { department: { select: { name: true } } },
  });
}

export function findAlertsByDedup(db: Db | Tx, keys: string[]) {
  return db.alert.findMany({ where: { dedupKey: { in: keys } }, include: { human: true } });
}

/** Every episode of these rules in these regions (callers pick the latest per rule + region). */
export function findEpisodes(db: Db | Tx, ruleKeys: string[], regionCodes: string[]) {
  return db.alert.findMany({
    where: { ruleKey: { in: ruleKeys }, regionCode: { in: regionCodes } },
    include: { human: true },
  });
}

export function dedupKeysTaken(db: Db | Tx, keys: string[]) {
  return db.alert.findMany({ where: { dedupKey: { in: keys } }, select: { dedupKey: true } });
}

export function findAlert(db: Db | Tx, id: string) {
  return db.alert.findUnique({ where: { id }, include: { human: true } });
}

/** Where each of these alerts lies (ids that do not exist are left out). */
export function findAlertRegions(db: Db, ids: string[]) {
  return db.alert.findMany({ where: { id: { in: ids } }, select: { id: true, regionCode: true } });
}

export function findAlertsByIds(db: Db, ids: string[]) {
  return db.alert.findMany({ where: { id: { in: ids } }, include: { human: true } });
}

/** Firing alerts of these severities in a subtree, at most `take`. */
export function firingInSubtree(db: Db, regionCode: string, severities: string[], take: number) {
  return db.alert.findMany({
    where: { state: "FIRING", regionCode: subtreeRange(regionCode), severity: { in: severities } },
    include: { human: true },
    take,
  });
}

export function findAlertOrThrow(db: Db | Tx, id: string) {
  return db.alert.findUniqueOrThrow({ where: { id }, include: { human: true } });
}

/** What an evaluation decides for a new episode; the rest of the row starts at its defaults. */
export interface NewAlert {
  dedupKey: string;
  ruleKey: string;
  ruleId: string;
  regionCode: string;
  period: number;
  lastPeriod: number;
  severity: string;
  state: string;
  value: number;
  threshold: number | null;
  summary: string;
  firstSeenAt: Date;
  firingAt: Date | null;
}

const ALERT_COLUMNS = [
  "id",
  "dedupKey",
  "ruleKey",
  "ruleId",
  "regionCode",
  "period",
  "severity",
  "state",
  "value",
  "threshold",
  "summary",
  "pendingCount",
  "firstSeenAt",
  "firingAt",
  "resolvedAt",
  "updatedAt",
  "lastPeriod",
  "recoveryCount",
  "recoveryBase",
] as const satisfies readonly (keyof Alert)[];

/**
 * New episodes in multi-row raw inserts, ids made here; returned with their (absent) human layer, as
 * findEpisodes returns them. Prisma's createManyAndReturn spent ≈ 2 s of client CPU building a 200-row
 * INSERT on the loaded machine, against 0.26 s in the database.
 */
export async function createAlerts(tx: Tx, rows: NewAlert[]) {
  const updatedAt = new Date();
  const alerts: Alert[] = rows.map((row) => ({
    id: randomUUID(),
    pendingCount: 0,
    resolvedAt: null,
    updatedAt,
    recoveryCount: 0,
    recoveryBase: 0,
    ...row,
  }));
  await bulkInsertNew(
    tx,
    "Alert",
    ALERT_COLUMNS,
    alerts.map((a) => ALERT_COLUMNS.map((c) => a[c])),
  );
  return alerts.map((alert) => ({ ...alert, human: null }));
}

/** The machine layer an evaluation writes on an episode; every column is set (the caller holds the row). */
export interface AlertMachineState {
  id: string;
  state: string;
  value: number;
  summary: string;
  threshold: number | null;
  lastPeriod: number;
  recoveryBase: number;
  recoveryCount: number;
  firingAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
}

const MACHINE_COLUMNS = [
  "state",
  "value",
  "summary",
  "threshold",
  "lastPeriod",
  "recoveryBase",
  "recoveryCount",
  "firingAt",
  "resolvedAt",
  "updatedAt",
] as const;

/** The machine layer of many episodes in one statement per 2,000 (was one UPDATE each). */
export function updateAlertMachines(tx: Tx, rows: AlertMachineState[]) {
  return bulkUpdateJson(
    tx,
    "Alert",
    "id",
    MACHINE_COLUMNS,
    rows.map((r) => [r.id, ...MACHINE_COLUMNS.map((c) => r[c])]),
  );
}

export function upsertHuman(
  tx: Tx,
  alertId: string,
  data: Omit<Parameters<Db["alertHumanState"]["create"]>[0]["data"], "alert" | "alertId">,
) {
  return tx.alertHumanState.upsert({ where: { alertId }, create: { alertId, ...data }, update: data });
}

export function insertNote(tx: Tx, data: { alertId: string; authorId: string; body: string }) {
  return tx.alertNote.create({ data });
}

// Clients replay "every event after seq N", so an event must never become
// visible after one with a higher seq. SQLite commits one writer at a time; on
// PostgreSQL several instances write at once, so event writers take this
// transaction-scoped lock and commit in seq order.
const EVENT_SEQ_LOCK = 720_001;

const EVENT_COLUMNS = ["alertId", "regionCode", "type", "payload", "actorId", "createdAt"] as const;
/** Events per statement, each batch one JSON parameter. */
const EVENTS_PER_STATEMENT = 2000;

type EventData = { alertId: string | null; regionCode: string; type: string; payload: object; actorId?: string | null };

export async function insertEvent(tx: Tx, data: EventData) {
  return (await insertEvents(tx, [data]))[0]!;
}

/**
 * Events in the order given, with their notification outbox rows, in multi-row
 * inserts. One INSERT assigns its rows' seqs in the order of its VALUES, so
 * the returned events (sorted by seq) line up with `drafts`; that is checked,
 * since replay on reconnect and the outbox rely on it.
 */
export async function insertEvents(tx: Tx, drafts: EventData[]) {
  if (drafts.length === 0) return [];
  if (dialectOf(tx) === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${EVENT_SEQ_LOCK})`);
  const createdAt = new Date();
  const written = await bulkInsertReturning<{ seq: number; alertId: string | null; type: string; regionCode: string }>(
    tx,
    "AlertEvent",
    EVENT_COLUMNS,
    drafts.map((d) => [d.alertId, d.regionCode, d.type, d.payload, d.actorId ?? null, createdAt]),
    ["seq", "alertId", "type", "regionCode"],
    "seq",
    EVENTS_PER_STATEMENT,
  );
  const events = written.map((row, j) => {
    const draft = drafts[j]!;
    if (row.alertId !== draft.alertId || row.type !== draft.type || row.regionCode !== draft.regionCode)
      throw new Error("预警事件序号与写入顺序不一致");
    // The payload as it reads back from the database: a JSON document, not the caller's object.
    const payload = JSON.parse(JSON.stringify(draft.payload)) as Prisma.JsonValue;
    return { ...draft, actorId: draft.actorId ?? null, seq: Number(row.seq), payload, createdAt };
  });
  await enqueueAlertNotifications(tx, events);
  return events;
}

export function listAlertsInSubtree(
  db: Db,
  regionCode: string,
  filter: { states?: string[]; severity?: string; ruleType?: RuleType },
  take: number,
) {
  return db.alert.findMany({
    where: {
      regionCode: subtreeRange(regionCode),
      ...(filter.states ? { state: { in: filter.states } } : {}),
      ...(filter.severity ? { severity: filter.severity } : {}),
      ...(filter.ruleType ? { ruleKey: { startsWith: RULE_KEY_PREFIXES[filter.ruleType] } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }],
    take,
    include: { human: true },
  });
}

/**
 * One page of a subtree's events with `after < seq <= upTo` (no upper bound without `upTo`),
 * only those written since `since` when given, in sequence order.
 */
export function eventsPage(
  db: Db,
  regionCode: string,
  range: { after: number; upTo?: number; since?: Date },
  take: number,
) {
  return db.alertEvent.findMany({
    where: {
      regionCode: subtreeRange(regionCode),
      seq: range.upTo === undefined ? { gt: range.after } : { gt: range.after, lte: range.upTo },
      ...(range.since ? { createdAt: { gte: range.since } } : {}),
    },
    orderBy: { seq: "asc" },
    take,
  });
}

export function eventsOfAlert(db: Db, alertId: string) {
  return db.alertEvent.findMany({ where: { alertId }, orderBy: { seq: "asc" } });
}

export async function maxSeq(db: Db): Promise<number> {
  return (await db.alertEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
}

export function notesOf(db: Db, alertId: string) {
  return db.alertNote.findMany({ where: { alertId }, orderBy: { createdAt: "asc" } });
}

export function firingUnescalated(db: Db) {
  return db.alert.findMany({ where: { state: "FIRING" }, include: { human: true, deliveries: true } });
}

export function upsertDelivery(db: Db, alertId: string, userId: string, field: "receivedAt" | "openedAt", at: Date) {
  return db.alertDelivery.upsert({
    where: { alertId_userId: { alertId, userId } },
    create: { alertId, userId, [field]: at },
    update: { [field]: at },
  });
}

// ─── Silences ────────────────────────────────────────────────────────────

/** Silences set in a subtree that have not expired, soonest expiry first. */
export function unexpiredSilencesInSubtree(db: Db, regionCode: string, now: Date) {
  return db.silence.findMany({
    where: { regionCode: subtreeRange(regionCode), expiresAt: { gt: now } },
    orderBy: { expiresAt: "asc" },
  });
}

export function activeSilences(db: Db | Tx, now: Date) {
  return db.silence.findMany({ where: { startsAt: { lte: now }, expiresAt: { gt: now } } });
}

export function insertSilence(
  db: Db,
  data: { regionCode: string; ruleKey: string | null; reason: string; createdById: string; expiresAt: Date },
) {
  return db.silence.create({ data });
}

// ─── What violation alerts read ──────────────────────────────────────────

/** Kinds and scopes of a month's active violating records: in a subtree, or (`at`) scoped exactly at these codes. */
/**
 * This month's violating records (lasting ones that still stand included) by kind and scope, with how many
 * records each holds: a county's month of 300,000 records has tens of thousands of them but a few thousand
 * (kind, scope) pairs, and the evaluation after every write read each record (35,100 rows, half its CPU).
 * The two halves are counted apart so that each is read from an index alone: this month's records from
 * the month's violations, lasting ones from the standing violations of their kinds (an OR of the two read
 * every lasting record of every month through the table: 120 ms on PostgreSQL after each write).
 */
export async function violatingRecordScopes(
  db: Db,
  period: number,
  where: { subtree: string } | { at: string[] },
): Promise<{ kind: string; scopeRegionCode: string; records: number }[]> {
  if ("at" in where && where.at.length === 0) return [];
  const scope =
    "subtree" in where
      ? Prisma.sql`r."scopeRegionCode" >= ${subtreeRange(where.subtree).gte} AND r."scopeRegionCode" < ${subtreeRange(where.subtree).lt}`
      : Prisma.sql`r."scopeRegionCode" IN (${Prisma.join(where.at)})`;
  const rows = await db.$queryRaw<{ kind: string; scopeRegionCode: string; records: number | bigint }[]>`
    SELECT kind, "scopeRegionCode", count(*) AS records FROM (
      SELECT r."kind" AS kind, r."scopeRegionCode" AS "scopeRegionCode" FROM "BurdenRecord" r
        WHERE r."period" = ${period} AND r."status" = 'ACTIVE' AND r."isViolation" = true AND ${scope}
      UNION ALL
      SELECT r."kind", r."scopeRegionCode" FROM "BurdenRecord" r
        WHERE r."kind" IN (${Prisma.join([...STOCK_KINDS])}) AND r."isViolation" = true AND r."status" = 'ACTIVE'
          AND ${scope} AND r."period" < ${period} AND (r."endPeriod" IS NULL OR r."endPeriod" > ${period})
    ) x GROUP BY kind, "scopeRegionCode"`;
  return rows.map((r) => ({ kind: r.kind, scopeRegionCode: r.scopeRegionCode, records: Number(r.records) }));
}

/** Pending or firing episodes of these rules in these regions. */
export function openEpisodes(db: Db, regionCodes: string[], ruleKeys: string[]) {
  return db.alert.findMany({
    where: { regionCode: { in: regionCodes }, ruleKey: { in: ruleKeys }, state: { in: ["PENDING", "FIRING"] } },
    include: { human: true },
  });
}
