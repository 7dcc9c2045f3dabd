import type { SessionUser } from "../../auth";
import type { Db, Tx } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import {
  attachEvidence,
  findItemOrThrow,
  insertStep,
  moveItem,
  pendingEvidence,
  releaseRecords,
} from "../../db/rectificationRepository";
import { awaitsDepartment, RECTIFICATION_STATE_NAMES, type RectificationState } from "../../domain/rectification";
import { publishRectificationEvent } from "../../realtime/rectification";
import { PermissionError, UserInputError } from "../errors";
import { itemFor, type ItemRow } from "./access";
import { applyAcceptance } from "./effects";

const stateName = (s: string) => RECTIFICATION_STATE_NAMES[s as RectificationState] ?? s;

function refuseState(item: ItemRow, what: string): never {
  throw new UserInputError(`整改事项当前为“${stateName(item.state)}”，不能${what}`);
}

function assertOwnDepartment(user: SessionUser, item: ItemRow) {
  if (user.role !== "department" || user.departmentId !== item.departmentId)
    throw new PermissionError("只有责任部门可以办理本事项");
}

/** One audited step: a conditional state change, the timeline entry, then the push. */
async function step(
  db: Db,
  user: SessionUser,
  item: ItemRow,
  type: string,
  from: string[],
  data: Record<string, unknown>,
  note: string | null,
  extra?: (tx: Tx, stepId: string) => Promise<unknown>,
) {
  const updated = await db.$transaction(async (tx) => {
    if (!(await moveItem(tx, item.id, from, data))) throw new UserInputError("整改事项已被他人处理，请刷新后重试");
    const row = await insertStep(tx, {
      itemId: item.id,
      type,
      actorId: user.id,
      note,
      data: { ...data, by: user.name },
    });
    await extra?.(tx, row.id);
    const after = await findItemOrThrow(tx, item.id);
    await insertAuditBy(tx, user, {
      regionCode: item.regionCode,
      action: `RECTIFICATION_${type}`,
      entity: "RectificationItem",
      entityId: item.id,
      before: { state: item.state, deadline: item.deadline },
      after: { state: after.state, deadline: after.deadline, note },
    });
    return after;
  });
  publishRectificationEvent({
    type,
    itemId: item.id,
    state: updated.state,
    regionCode: updated.regionCode,
    departmentId: updated.departmentId,
    title: updated.title,
  });
  return updated;
}

/** The department says what it did; the evidence uploaded since the last submission goes with it. */
export async function submitItem(db: Db, user: SessionUser, id: string, measures: string, now = new Date()) {
  const item = await itemFor(db, user, id);
  assertOwnDepartment(user, item);
  if (!awaitsDepartment(item.state)) refuseState(item, "提交");
  if (measures.trim().length < 5) throw new UserInputError("请用至少5个字说明已采取的整改措施");
  if ((await pendingEvidence(db, id)).length === 0)
    throw new UserInputError("请先上传整改证明材料（如撤回通知、群解散截图、摘牌照片）");
  return step(
    db,
    user,
    item,
    "SUBMITTED",
    ["OPEN", "RETURNED"],
    { state: "SUBMITTED", measures: measures.trim(), submittedAt: now, returnReason: null },
    measures.trim(),
    (tx, stepId) => attachEvidence(tx, id, stepId),
  );
}

/** A monitor sends it back with a reason; the department must act again. */
export async function returnItem(db: Db, user: SessionUser, id: string, reason: string) {
  const item = await itemFor(db, user, id);
  if (item.state !== "SUBMITTED") refuseState(item, "退回");
  if (reason.trim().length < 2) throw new UserInputError("退回须填写理由");
  return step(
    db,
    user,
    item,
    "RETURNED",
    ["SUBMITTED"],
    { state: "RETURNED", returnReason: reason.trim() },
    reason.trim(),
  );
}

/** 销号: the item closes, its records are freed for new items and the underlying burdens end. */
export async function acceptItem(db: Db, user: SessionUser, id: string, note: string | null, now = new Date()) {
  const item = await itemFor(db, user, id);
  if (item.state !== "SUBMITTED") refuseState(item, "销号");
  const closed = await step(
    db,
    user,
    item,
    "ACCEPTED",
    ["SUBMITTED"],
    { state: "CLOSED", closedAt: now, closedById: user.id, extensionUntil: null, extensionReason: null },
    note?.trim() || null,
    (tx) => releaseRecords(tx, id),
  );
  const effects = await applyAcceptance(
    db,
    user,
    closed,
    item.links.map((l) => l.recordId),
    now,
  );
  return { ...closed, effects };
}

/** The department asks for more time; a monitor decides. */
export async function requestExtension(
  db: Db,
  user: SessionUser,
  id: string,
  until: Date,
  reason: string,
  now = new Date(),
) {
  const item = await itemFor(db, user, id);
  assertOwnDepartment(user, item);
  if (item.state === "CLOSED") refuseState(item, "申请延期");
  if (item.extensionUntil) throw new UserInputError("已有待审批的延期申请");
  if (reason.trim().length < 5) throw new UserInputError("申请延期须用至少5个字说明理由");
  if (until.getTime() <= Math.max(item.deadline.getTime(), now.getTime()))
    throw new UserInputError("延期后的期限须晚于原整改期限和当前时间");
  return step(
    db,
    user,
    item,
    "EXTENSION_REQUESTED",
    [item.state],
    { extensionUntil: until, extensionReason: reason.trim() },
    reason.trim(),
  );
}

export async function decideExtension(db: Db, user: SessionUser, id: string, approve: boolean, reason: string | null) {
  const item = await itemFor(db, user, id);
  if (!item.extensionUntil) throw new UserInputError("该事项没有待审批的延期申请");
  if (!approve && (reason?.trim().length ?? 0) < 2) throw new UserInputError("驳回延期须填写理由");
  const data = approve
    ? {
        deadline: item.extensionUntil,
        extensionUntil: null,
        extensionReason: null,
        escalationLevel: 0,
        escalatedAt: null,
      }
    : { extensionUntil: null, extensionReason: null };
  return step(
    db,
    user,
    item,
    approve ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED",
    [item.state],
    data,
    reason?.trim() || null,
  );
}
