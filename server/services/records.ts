import type { SessionUser } from "../domain/actor";
import { dialectOf, type Db, type Tx } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import {
  createRecord as insertRecord,
  findRecord,
  listRevisions,
  updateRecordWithRevision,
} from "../db/burdenRepository";
import { findDepartmentById } from "../db/departmentRepository";
import { accumulate, recordFilter } from "../db/metricRepository";
import { findRegion, regionNames } from "../db/regionRepository";
import { creatingRecords, recordCount, recordCountEstimate } from "./recordCounts";
import { listRecordIds, recordsInOrder, type RecordFilter, type RecordListKey } from "../db/recordListRepository";
import {
  departmentOutOfScope,
  departmentServes,
  detailsOrProblem,
  fieldProblems,
  recordRow,
  regionMissing,
  scopeProblem,
  type RecordInput,
  type RecordRow,
} from "../domain/burdenRecord";
import { isWithin } from "../domain/regions";
import { toRecordDto, toRevisionDto, type RecordDto, type RecordListItem, type RecordRevisionDto } from "./dto/records";
import { judgeRecord } from "../domain/classification";
import { isStockKind } from "../domain/stock";
import { catalogueSnapshotFor } from "./catalogueSnapshot";
import { afterRecordsWritten } from "./recordWrites";
import { placeContexts, storedJudgement, type JudgedFields } from "./judgement";
import { NotFoundError, PermissionError, UserInputError } from "./errors";
import { reviseRecord } from "./recordRevision";

export type { RecordInput };

/** Checks references and jurisdiction, validates details and classifies: the rules of domain/burdenRecord. */
async function prepare(db: Db, user: SessionUser, input: RecordInput): Promise<RecordRow & JudgedFields> {
  const scope = scopeProblem(input.scopeRegionCode, user.regionCode);
  if (scope) throw scope.forbidden ? new PermissionError(scope.message) : new UserInputError(scope.message);
  const problems = fieldProblems(input);
  if (problems.length) throw new UserInputError(problems.map((p) => p.message).join("；"));
  if (!(await findRegion(db, input.scopeRegionCode))) throw new UserInputError(regionMissing(input.scopeRegionCode));
  const department = await findDepartmentById(db, input.departmentId);
  if (!department) throw new UserInputError("下达部门不存在");
  if (!departmentServes(department.regionCode, input.scopeRegionCode))
    throw new UserInputError(departmentOutOfScope(department.name));
  const checked = detailsOrProblem(input.kind, input.details);
  if ("problem" in checked) throw new UserInputError(checked.problem);
  const snapshot = await catalogueSnapshotFor(db, input.scopeRegionCode, input.occurredOn);
  const places = (await placeContexts(db, [input.scopeRegionCode])).get(input.scopeRegionCode);
  // Frequencies are counted after the write (rejudgeFrequencies): the ordinal needs the other demands.
  const judged = storedJudgement(
    judgeRecord({ kind: input.kind, title: input.title.trim(), details: checked.details, places }, snapshot),
  );
  const row = recordRow(
    { ...input, departmentId: department.id, details: checked.details },
    judged.violations as RecordRow["violations"],
  );
  return { ...row, ...judged, violations: row.violations, reviewDecision: null };
}

type StoredRecord = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

function snapshot(record: StoredRecord) {
  const { department: _department, ...rest } = record;
  return rest;
}

/** The audit line of a change to a stored record: the record as it was, and what it became. */
function auditChange(
  tx: Tx,
  user: SessionUser,
  action: string,
  current: StoredRecord,
  regionCode: string,
  after: unknown,
) {
  return insertAuditBy(tx, user, {
    regionCode,
    action,
    entity: "BurdenRecord",
    entityId: current.id,
    before: snapshot(current),
    after,
  });
}

export interface CreateOptions {
  source?: "MANUAL" | "DIRECT_REPORT" | "SELF_REPORT";
  /** Runs inside the same transaction, after the record is written. */
  afterCreate?: (tx: Tx, record: { id: string }) => Promise<unknown>;
}

export async function createBurdenRecord(
  db: Db,
  user: SessionUser,
  input: RecordInput,
  options: CreateOptions = {},
): Promise<RecordDto> {
  const prepared = await prepare(db, user, input);
  const [record] = await creatingRecords(db, [prepared], async () => [
    await db.$transaction(async (tx) => {
      const record = await insertRecord(tx, { ...prepared, source: options.source ?? "MANUAL", createdById: user.id });
      await accumulate(tx, recordFilter(record.id), 1);
      await insertAuditBy(tx, user, {
        regionCode: record.scopeRegionCode,
        action: "CREATE",
        entity: "BurdenRecord",
        entityId: record.id,
        after: record,
      });
      await options.afterCreate?.(tx, record);
      return record;
    }),
  ]);
  await afterRecordsWritten(db, user, [record!], { ids: [record!.id] }, { totalsUpdated: true });
  return toRecordDto((await findRecord(db, record.id)) ?? record);
}

async function editableRecord(db: Db, user: SessionUser, id: string) {
  const record = await findRecord(db, id);
  if (!record || !isWithin(record.scopeRegionCode, user.regionCode))
    throw new NotFoundError("记录不存在或不在您的管辖范围内");
  if (record.status === "WITHDRAWN") throw new UserInputError("该记录已撤回，不能再修改");
  return record;
}

export async function updateBurdenRecord(
  db: Db,
  user: SessionUser,
  id: string,
  input: RecordInput,
  reason: string | null,
): Promise<RecordDto> {
  const current = await editableRecord(db, user, id);
  const prepared = { ...(await prepare(db, user, input)), ...keptEnd(current, input) };
  const updated = await db.$transaction(async (tx) => {
    const updated = await reviseRecord(
      tx,
      id,
      { version: current.version, snapshot: snapshot(current) },
      prepared,
      user.id,
      reason,
    );
    await auditChange(tx, user, "UPDATE", current, updated.scopeRegionCode, updated);
    return updated;
  });
  await afterRecordsWritten(db, user, [current, updated]);
  return toRecordDto((await findRecord(db, id)) ?? updated);
}

/** An end date survives an edit only on a lasting burden, and only after its start. */
function keptEnd(current: { endedOn: Date | null }, input: RecordInput) {
  if (!isStockKind(input.kind)) return { endedOn: null, endPeriod: null, endedById: null };
  if (current.endedOn && input.occurredOn > current.endedOn)
    throw new UserInputError("开始日期不能晚于已记录的撤销或摘牌日期");
  return {};
}

export async function withdrawBurdenRecord(db: Db, user: SessionUser, id: string, reason: string): Promise<RecordDto> {
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
    await auditChange(tx, user, "WITHDRAW", current, updated.scopeRegionCode, { status: "WITHDRAWN", reason });
    return updated;
  });
  await afterRecordsWritten(db, user, [current]);
  return toRecordDto(withdrawn);
}

export async function listBurdenRecords(
  db: Db,
  filter: RecordFilter,
  pageSize: number,
  cursor?: string,
  options = { count: true },
): Promise<{ total: number | null; items: RecordListItem[]; nextCursor: string | null }> {
  // A cursor is a record id: one outside the listed region would reveal where that record sorts (its date).
  let after: RecordListKey | undefined;
  if (cursor) {
    const at = await findRecord(db, cursor);
    if (!at || !isWithin(at.scopeRegionCode, filter.regionCode))
      throw new UserInputError("分页位置无效，请从第一页重新查询");
    after = { occurredOn: at.occurredOn, id: at.id };
  }
  // The total also tells SQLite which index serves the page, where a total of any age will do (the
  // list's later pages and an export ask for none); PostgreSQL's planner needs no hint.
  const matches = options.count
    ? await recordCount(db, filter)
    : dialectOf(db) === "sqlite"
      ? await recordCountEstimate(db, filter)
      : 0;
  const rows = await recordsInOrder(db, await listRecordIds(db, filter, pageSize + 1, matches, after));
  const total = options.count ? matches : null;
  const page = rows.slice(0, pageSize);
  const names = await regionNames(
    db,
    page.map((r) => r.scopeRegionCode),
  );
  return {
    total,
    items: page.map(({ department, ...r }) => ({
      ...toRecordDto(r),
      departmentName: department.name,
      scopeRegionName: names.get(r.scopeRegionCode) ?? r.scopeRegionCode,
    })),
    nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
  };
}

export async function recordHistory(
  db: Db,
  user: SessionUser,
  id: string,
): Promise<{ record: RecordDto & { departmentName: string }; revisions: RecordRevisionDto[] }> {
  const record = await findRecord(db, id);
  if (!record || !isWithin(record.scopeRegionCode, user.regionCode))
    throw new NotFoundError("记录不存在或不在您的管辖范围内");
  return {
    record: { ...toRecordDto(record), departmentName: record.department.name },
    revisions: (await listRevisions(db, id)).map(toRevisionDto),
  };
}
