// Ending a lasting burden: a work group dissolved, a mechanism abolished, a
// sign taken down. It keeps counting up to and including the month it ended.
import { forgetRecordMonths } from "./recordCounts";
import type { SessionUser } from "../domain/actor";
import type { Db } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import { findRecord } from "../db/burdenRepository";
import { BURDEN_KIND_NAMES, type BurdenKind } from "../domain/burdenKinds";
import { isWithin } from "../domain/regions";
import { endPeriodOf, isStockKind } from "../domain/stock";
import { evaluateAfterWrites } from "./alerts/alertEvaluation";
import { NotFoundError, UserInputError } from "./errors";
import { reviseRecord } from "./recordRevision";

const ENDED: Record<string, string> = { WORK_GROUP: "解散", MECHANISM: "撤销", SIGNBOARD: "摘牌" };

/** Records the end (or, with null, clears a wrongly recorded end). */
export async function endLastingBurden(db: Db, user: SessionUser, id: string, endedOn: Date | null, reason: string) {
  const current = await findRecord(db, id);
  if (!current || !isWithin(current.scopeRegionCode, user.regionCode))
    throw new NotFoundError("记录不存在或不在您的管辖范围内");
  if (current.status === "WITHDRAWN") throw new UserInputError("该记录已撤回，不能再修改");
  if (!isStockKind(current.kind))
    throw new UserInputError(
      `${BURDEN_KIND_NAMES[current.kind as BurdenKind] ?? current.kind}是一次性事项，没有结束日期；只有工作群和政务APP、工作机制、挂牌需要记录解散、撤销或摘牌`,
    );
  if (endedOn && endedOn < current.occurredOn) throw new UserInputError(`${ENDED[current.kind]}日期不能早于开始日期`);
  if (endedOn && endedOn.getTime() > Date.now() + 86400_000)
    throw new UserInputError(`${ENDED[current.kind]}日期不能晚于今天`);
  const { department: _department, ...before } = current;
  const updated = await db.$transaction(async (tx) => {
    const updated = await reviseRecord(
      tx,
      id,
      { version: current.version, snapshot: before },
      { endedOn, endPeriod: endedOn ? endPeriodOf(endedOn) : null, endedById: endedOn ? user.id : null },
      user.id,
      reason,
    );
    await insertAuditBy(tx, user, {
      regionCode: current.scopeRegionCode,
      action: "END",
      entity: "BurdenRecord",
      entityId: id,
      before: { endedOn: current.endedOn },
      after: { endedOn, reason },
    });
    return updated;
  });
  // Every month from the old to the new end changed: evaluate each.
  const months: { scopeRegionCode: string; period: number }[] = [];
  const from = Math.min(current.endPeriod ?? Infinity, updated.endPeriod ?? Infinity);
  if (Number.isFinite(from)) {
    const last = Number(new Date().toISOString().slice(0, 7).replace("-", ""));
    for (let p = from; p <= last; p = p % 100 === 12 ? p + 89 : p + 1)
      months.push({ scopeRegionCode: current.scopeRegionCode, period: p });
  }
  forgetRecordMonths(db, [current.period]);
  await evaluateAfterWrites(db, months);
  return updated;
}
