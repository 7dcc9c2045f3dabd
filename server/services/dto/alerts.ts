// What alert.get returns beside the alert itself. Event payloads are stored JSON
// of several shapes; they are read here once, so the timeline never casts.
import type { BurdenKind } from "../../domain/burdenKinds";
import { burdenKindOf, violationsOf } from "./records";

/** One line of an alert's timeline: who, the words they gave, the value judged, where it escalated. */
export interface AlertTimelineEvent {
  seq: number;
  type: string;
  createdAt: Date;
  by: string | null;
  /** The reason given (签收) or else the note. */
  text: string | null;
  value: number | null;
  escalatedTo: string | null;
}

export interface AlertNoteDto {
  id: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

/** A record behind an alert, as its detail lists it. */
export interface AlertRecordDto {
  id: string;
  title: string;
  kind: BurdenKind;
  units: number;
  occurredOn: Date;
  departmentName: string;
  violating: boolean;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

export function toTimelineEvent(row: { seq: number; type: string; createdAt: Date; payload: unknown }) {
  const p = (typeof row.payload === "object" && row.payload !== null ? row.payload : {}) as Record<string, unknown>;
  const event: AlertTimelineEvent = {
    seq: row.seq,
    type: row.type,
    createdAt: row.createdAt,
    by: text(p.by),
    text: text(p.reason) ?? text(p.note),
    value: typeof p.value === "number" ? p.value : null,
    escalatedTo: text(p.escalatedTo),
  };
  return event;
}

export function toAlertNoteDto(row: AlertNoteDto): AlertNoteDto {
  return { id: row.id, authorId: row.authorId, body: row.body, createdAt: row.createdAt };
}

export function toAlertRecordDto(row: {
  id: string;
  title: string;
  kind: string;
  units: number;
  occurredOn: Date;
  violations: unknown;
  department: { name: string };
}): AlertRecordDto {
  return {
    id: row.id,
    title: row.title,
    kind: burdenKindOf(row),
    units: row.units,
    occurredOn: row.occurredOn,
    departmentName: row.department.name,
    violating: violationsOf(row.violations).length > 0,
  };
}
