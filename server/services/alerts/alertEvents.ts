import type { Db, Tx } from "../../db/client";
import { insertEvent } from "../../db/alertRepository";
import { regionNamer } from "../../db/regionRepository";
import {
  acknowledgementHolds,
  MACHINE_STATE_NAMES,
  ruleTypeOfKey,
  SEVERITY_NAMES,
  type MachineState,
  type RuleType,
  type Severity,
} from "../../domain/alerts";
import { bus } from "../../bus";

type AlertRow = NonNullable<Awaited<ReturnType<Db["alert"]["findUnique"]>>> & {
  human: NonNullable<Awaited<ReturnType<Db["alertHumanState"]["findUnique"]>>> | null;
};

export interface AlertDto {
  id: string;
  ruleKey: string;
  /** null only for a key no rule type claims (none today). */
  ruleType: RuleType | null;
  regionCode: string;
  regionName: string;
  /** The month the episode opened. */
  period: number;
  /** The latest month judged in this episode. */
  lastPeriod: number;
  severity: Severity;
  severityName: string;
  state: MachineState;
  stateName: string;
  value: number;
  threshold: number | null;
  summary: string;
  firstSeenAt: Date;
  firingAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
  acknowledged: boolean;
  ackReason: string | null;
  ackedAt: Date | null;
  ackedById: string | null;
  ackExpiresAt: Date | null;
  ackCeiling: number | null;
  assigneeId: string | null;
  resolvedByHandAt: Date | null;
  rectificationNote: string | null;
  escalationLevel: number;
  silenced: boolean;
}

export function toAlertDto(alert: AlertRow, regionName: string, now = new Date(), silenced = false): AlertDto {
  const h = alert.human;
  return {
    id: alert.id,
    ruleKey: alert.ruleKey,
    ruleType: ruleTypeOfKey(alert.ruleKey),
    regionCode: alert.regionCode,
    regionName,
    period: alert.period,
    lastPeriod: alert.lastPeriod ?? alert.period,
    severity: alert.severity as Severity,
    severityName: SEVERITY_NAMES[alert.severity as Severity] ?? alert.severity,
    state: alert.state as MachineState,
    stateName: MACHINE_STATE_NAMES[alert.state as MachineState] ?? alert.state,
    value: alert.value,
    threshold: alert.threshold,
    summary: alert.summary,
    firstSeenAt: alert.firstSeenAt,
    firingAt: alert.firingAt,
    resolvedAt: alert.resolvedAt,
    updatedAt: alert.updatedAt,
    acknowledged: acknowledgementHolds(h, alert.value, now),
    ackReason: h?.ackReason ?? null,
    ackedAt: h?.ackedAt ?? null,
    ackedById: h?.ackedById ?? null,
    ackExpiresAt: h?.ackExpiresAt ?? null,
    ackCeiling:
      h?.ackValue !== null &&
      h?.ackValue !== undefined &&
      h?.ackCeilingMargin !== null &&
      h?.ackCeilingMargin !== undefined
        ? h.ackValue + h.ackCeilingMargin
        : null,
    assigneeId: h?.assigneeId ?? null,
    resolvedByHandAt: h?.resolvedAt ?? null,
    rectificationNote: h?.rectificationNote ?? null,
    escalationLevel: h?.escalationLevel ?? 0,
    silenced,
  };
}

export async function alertDtos(
  db: Db,
  alerts: AlertRow[],
  now = new Date(),
  silencedIds = new Set<string>(),
): Promise<AlertDto[]> {
  const nameOf = await regionNamer(db, alerts);
  return alerts.map((a) => toAlertDto(a, nameOf(a.regionCode), now, silencedIds.has(a.id)));
}

export interface AlertEventMessage {
  seq: number;
  type: string;
  alertId: string | null;
  regionCode: string;
  createdAt: Date;
  payload: unknown;
}

/** After commit: push each stored event to the rooms of its region and every ancestor. */
export function publishAlertEvents(events: AlertEventMessage[]): void {
  for (const event of [...events].sort((a, b) => a.seq - b.seq))
    bus.emit("region:event", event.regionCode, "alerts:event", event);
}

export interface AlertEventDraft {
  alertId: string | null;
  regionCode: string;
  type: string;
  payload: object;
  actorId?: string | null;
}

/**
 * The one place machine-written alert events are stored, inside the caller's
 * transaction and as its last statements (the event-order lock on PostgreSQL
 * is then held only until the commit). Anything that must be written
 * atomically with an event (a notification outbox) belongs here.
 */
export async function writeAlertEvents(tx: Tx, drafts: AlertEventDraft[]): Promise<AlertEventMessage[]> {
  const written: AlertEventMessage[] = [];
  for (const data of drafts) {
    const event = await insertEvent(tx, data);
    written.push({
      seq: event.seq,
      type: data.type,
      alertId: data.alertId,
      regionCode: data.regionCode,
      createdAt: event.createdAt,
      payload: event.payload,
    });
  }
  return written;
}
