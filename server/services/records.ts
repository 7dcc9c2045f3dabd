import type { SessionUser } from "../auth";
import type { Db } from "../db/client";
import { insertAudit } from "../db/auditRepository";
import {
  countRecords,
  createRecord as insertRecord,
  findRecord,
  listRecords as queryRecords,
  listRevisions,
  updateRecordWithRevision,
  type RecordFilter,
} from "../db/burdenRepository";
import { findDepartmentById } from "../db/departmentRepository";
import { accumulate, recordFilter } from "../db/metricRepository";
import { findRegions } from "../db/regionRepository";
import type { BurdenKind } from "../domain/burdenKinds";
import { parseDetails } from "../domain/burdenDetails";
import { judgeRecord } from "../domain/classification";
import { isDedicatedPost } from "../domain/metrics";
import { isWithin, levelOfCode } from "../domain/regions";
import { isStockKind } from "../domain/stock";
import { evaluateAfterWrites } from "./alertEvaluation";
import { catalogueSnapshotFor } from "./catalogueSnapshot";
import { rejudgeFrequencies } from "./frequency";
import { placeContexts, storedJudgement } from "./judgement";
import { NotFoundError, PermissionError, UserInputError } from "./errors";
import { getRegionOrThrow } from "./regions";

export interface RecordInput {
  kind: BurdenKind;
  departmentId: string;
  scopeRegionCode: string;
  title: string;
  details: Record<string, unknown>;
  units: number;
  occurredOn: Date;
  evidence?: string | null;
}

function periodOf(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}

/** Checks references and jurisdiction, validates details and classifies. */
async function prepare(db: Db, user: SessionUser, input: RecordInput) {
  if (!isWithin(input.scopeRegionCode, user.regionCode)) {
    throw new PermissionError(`下达范围 ${input.scopeRegionCode} 不在您的管辖范围内`);
  }
  const level = levelOfCode(input.scopeRegionCode);
  if (level === null || level < 3) throw new UserInputError("下达范围应为县级、乡级或村级区划");
  await getRegionOrThrow(db, input.scopeRegionCode);
  const department = await findDepartmentById(db, input.departmentId);
  if (!department) throw new UserInputError("下达部门不存在");
  if (!isWithin(input.scopeRegionCode, department.regionCode) && !isWithin(department.regionCode, input.scopeRegionCode)) {
    throw new UserInputError(`部门“${department.name}”不属于该下达范围所在地区`);
  }
  const details = parseDetails(input.kind, input.details);
  if (!details.success) {
    throw new UserInputError(`明细有误：${details.error.issues.map((i) => i.message).join("；")}`);
  }
  const places = (await placeContexts(db, [input.scopeRegionCode])).get(input.scopeRegionCode);
  // Frequencies are counted after the write (rejudgeFrequencies): the ordinal needs the other demands.
  const judged = storedJudgement(
    judgeRecord(
      { kind: input.kind, title: input.title, details: details.data as Record<string, unknown>, places },
      await catalogueSnapshotFor(db, input.scopeRegionCode, input.occurredOn),
    ),
  );
  return {
    kind: input.kind,
    departmentId: department.id,
    scopeRegionCode: input.scopeRegionCode,
    scopeLevel: level,
    title: input.title.trim(),
    details: details.data as Record<string, unknown>,
    units: input.units,
    occurredOn: input.occurredOn,
    period: periodOf(input.occurredOn),
    evidence: input.evidence ?? null,
    ...judged,
    reviewDecision: null,
    dedicatedPost: isDedicatedPost(input.kind, details.data as Record<string, unknown>),
  };
}

function snapshot(record: NonNullable<Awaited<ReturnType<typeof findRecord>>>) {
  const { department: _department, ...rest } = record;
  return rest;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface CreateOptions {
  source?: "MANUAL" | "DIRECT_REPORT";
  /** Runs inside the same transaction, after the record is written. */
  afterCreate?: (tx: Tx, record: { id: string }) => Promise<unknown>;
}

export async function createBurdenRecord(db: Db, user: SessionUser, input: RecordInput, options: CreateOptions = {}) {
  const prepared = await prepare(db, user, input);
  const record = await db.$transaction(async (tx) => {
    const record = await insertRecord(tx, { ...prepared, source: options.source ?? "MANUAL", createdById: user.id });
    await accumulate(tx, recordFilter(record.id), 1);
    await insertAudit(tx, { actorId: user.id, actorRole: user.role, regionCode: record.scopeRegionCode, action: "CREATE", entity: "BurdenRecord", entityId: record.id, after: record });
    await options.afterCreate?.(tx, record);
    return record;
  });
  await evaluateAfterWrites(db, [record]);
  await rejudgeFrequencies(db, [record], user);
  return record;
}

async function editableRecord(db: Db, user: SessionUser, id: string) {
  const record = await findRecord(db, id);
  if (!record || !isWithin(record.scopeRegionCode, user.regionCode)) throw new NotFoundError("记录不存在或不在您的管辖范围内");
  if (record.status === "WITHDRAWN") throw new UserInputError("该记录已撤回，不能再修改");
  return record;
}

export async function updateBurdenRecord(db: Db, user: SessionUser, id: string, input: RecordInput, reason: string | null) {
  const current = await editableRecord(db, user, id);
  const prepared = { ...(await prepare(db, user, input)), ...keptEnd(current, input) };
  const updated = await db.$transaction(async (tx) => {
    await accumulate(tx, recordFilter(id), -1);
    const updated = await updateRecordWithRevision(tx, id, { version: current.version, snapshot: snapshot(current) }, prepared, user.id, reason);
    await accumulate(tx, recordFilter(id), 1);
    await insertAudit(tx, { actorId: user.id, actorRole: user.role, regionCode: updated.scopeRegionCode, action: "UPDATE", entity: "BurdenRecord", entityId: id, before: snapshot(current), after: updated });
    return updated;
  });
  await evaluateAfterWrites(db, [current, updated]);
  await rejudgeFrequencies(db, [current, updated], user);
  return updated;
}

/** An end date survives an edit only on a lasting burden, and only after its start. */
function keptEnd(current: { endedOn: Date | null }, input: RecordInput) {
  if (!isStockKind(input.kind)) return { endedOn: null, endPeriod: null, endedById: null };
  if (current.endedOn && input.occurredOn > current.endedOn) throw new UserInputError("开始日期不能晚于已记录的撤销或摘牌日期");
  return {};
}

export async function withdrawBurdenRecord(db: Db, user: SessionUser, id: string, reason: string) {
  const current = await editableRecord(db, user, id);
  const withdrawn = await db.$transaction(async (tx) => {
    await accumulate(tx, recordFilter(id), -1);
    const updated = await updateRecordWithRevision(
      tx,
      id,
      { version: current.version, snapshot: snapshot(current) },
      { status: "WITHDRAWN", withdrawnAt: new Date() },
      user.id,
      reason,
    );
    await insertAudit(tx, { actorId: user.id, actorRole: user.role, regionCode: updated.scopeRegionCode, action: "WITHDRAW", entity: "BurdenRecord", entityId: id, before: snapshot(current), after: { status: "WITHDRAWN", reason } });
    return updated;
  });
  await evaluateAfterWrites(db, [current]);
  await rejudgeFrequencies(db, [current], user);
  return withdrawn;
}

export async function listBurdenRecords(db: Db, filter: RecordFilter, pageSize: number, cursor?: string, options = { count: true }) {
  const rows = await queryRecords(db, filter, pageSize + 1, cursor);
  const total = options.count ? await countRecords(db, filter) : null;
  const page = rows.slice(0, pageSize);
  const regionNames = new Map((await findRegions(db, [...new Set(page.map((r) => r.scopeRegionCode))])).map((r) => [r.code, r.name]));
  return {
    total,
    items: page.map(({ department, ...r }) => ({ ...r, departmentName: department.name, scopeRegionName: regionNames.get(r.scopeRegionCode) ?? r.scopeRegionCode })),
    nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
  };
}

export async function recordHistory(db: Db, user: SessionUser, id: string) {
  const record = await findRecord(db, id);
  if (!record || !isWithin(record.scopeRegionCode, user.regionCode)) throw new NotFoundError("记录不存在或不在您的管辖范围内");
  return { record: { ...snapshot(record), departmentName: record.department.name }, revisions: await listRevisions(db, id) };
}
