// What the record procedures return. Stored JSON (details, violations, revision
// snapshots) is read into its domain types here, once, so pages never cast.
import { type BurdenKind, isBurdenKind } from "../../domain/burdenKinds";
import type { RecordRow } from "../../domain/burdenRecord";
import type { Judgement, Review, Violation } from "../../domain/classification";
import type { RegionLevel } from "../../domain/regions";

export type RecordStatus = "ACTIVE" | "WITHDRAWN";
export type RecordSource = "MANUAL" | "IMPORT" | "DIRECT_REPORT" | "DEMO";

/** A stored record: what every write path derives (domain/burdenRecord) plus its identity and lifecycle. */
export interface RecordDto extends RecordRow {
  id: string;
  status: RecordStatus;
  source: RecordSource;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  /** 待核实 (issue #13): flags a monitor must confirm, with candidates. */
  needsReview: boolean;
  reviews: Review[];
  /** The catalogue item judged against (or none), score, frequency ordinal. */
  judgement: Judgement | null;
  catalogueItem: string | null;
  /** Lasting burdens: when dissolved or taken down. */
  endedOn: Date | null;
}

export interface RecordListItem extends RecordDto {
  departmentName: string;
  scopeRegionName: string;
}

/** An earlier version of a record as it stood before a change. */
export interface RecordRevisionDto {
  version: number;
  changedAt: Date;
  reason: string | null;
  snapshot: { title: string; occurredOn: Date; units: number; isViolation: boolean };
}

/** A stored record row (the Prisma row, without naming Prisma's types). */
export interface StoredRecord {
  id: string;
  kind: string;
  departmentId: string;
  scopeRegionCode: string;
  scopeLevel: number;
  title: string;
  details: unknown;
  units: number;
  occurredOn: Date;
  period: number;
  evidence: string | null;
  status: string;
  isViolation: boolean;
  violations: unknown;
  dedicatedPost: boolean;
  source: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  needsReview?: boolean;
  reviews?: unknown;
  judgement?: unknown;
  catalogueItem?: string | null;
  endedOn?: Date | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Violations as stored (JSON); entries that are not violations are dropped rather than trusted. */
export function violationsOf(json: unknown): Violation[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (v): v is Violation =>
      isObject(v) && typeof v.clause === "number" && typeof v.reason === "string" && typeof v.code === "string",
  );
}

/** A stored kind, refused loudly if the row holds something else. */
export function burdenKindOf(row: { id: string; kind: string }): BurdenKind {
  if (!isBurdenKind(row.kind)) throw new Error(`记录 ${row.id} 的类别无效：${row.kind}`);
  return row.kind;
}

export function toRecordDto(row: StoredRecord): RecordDto {
  return {
    id: row.id,
    kind: burdenKindOf(row),
    departmentId: row.departmentId,
    scopeRegionCode: row.scopeRegionCode,
    // Written from levelOfCode by every write path.
    scopeLevel: row.scopeLevel as RegionLevel,
    title: row.title,
    details: isObject(row.details) ? row.details : {},
    units: row.units,
    occurredOn: row.occurredOn,
    period: row.period,
    evidence: row.evidence,
    status: row.status === "WITHDRAWN" ? "WITHDRAWN" : "ACTIVE",
    isViolation: row.isViolation,
    violations: violationsOf(row.violations),
    dedicatedPost: row.dedicatedPost,
    source: row.source as RecordSource,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    withdrawnAt: row.withdrawnAt,
    needsReview: row.needsReview ?? false,
    reviews: reviewsOf(row.reviews),
    judgement:
      isObject(row.judgement) && typeof row.judgement.catalogue === "string"
        ? (row.judgement as unknown as Judgement)
        : null,
    catalogueItem: row.catalogueItem ?? null,
    endedOn: row.endedOn ?? null,
  };
}

function reviewsOf(json: unknown): Review[] {
  return violationsOf(json).map((v) => ({
    ...v,
    candidates: Array.isArray((v as Partial<Review>).candidates) ? (v as Review).candidates : [],
  }));
}

/** Snapshots are JSON: their dates come back as strings. */
export function toRevisionDto(revision: {
  version: number;
  changedAt: Date;
  reason: string | null;
  snapshot: unknown;
}): RecordRevisionDto {
  const snap = isObject(revision.snapshot) ? revision.snapshot : {};
  return {
    version: revision.version,
    changedAt: revision.changedAt,
    reason: revision.reason,
    snapshot: {
      title: String(snap.title ?? ""),
      occurredOn: new Date(String(snap.occurredOn ?? "")),
      units: Number(snap.units ?? 0),
      isViolation: Boolean(snap.isViolation),
    },
  };
}
