import type { SessionUser } from "../domain/actor";
import type { Db } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import { findDepartmentById } from "../db/departmentRepository";
import { regionNamer } from "../db/regionRepository";
import {
  findExposureCase,
  insertExposureCase,
  listExposureCasesInSubtree,
  moveExposureCaseState,
  type NewExposureCase,
} from "../db/exposureRepository";
import { PUBLIC_EXPOSURE_STATES, visibleExposureStates } from "../domain/exposure";
import { isWithin } from "../domain/regions";
import { EXPOSURE_STATE_NAMES, type ExposureListItem, type ExposureState, toExposureCaseDto } from "./dto/exposure";
import { bus } from "../bus";
import { NotFoundError, PermissionError, UserInputError } from "./errors";
import { assertReferencesInJurisdiction } from "./references";
import { exposureRectificationBlocker } from "./rectification/effects";
import { workbookOf } from "./xlsxSheet";

export { EXPOSURE_STATE_NAMES };

export type ExposureInput = Omit<NewExposureCase, "createdById">;

async function caseInJurisdiction(db: Db, user: SessionUser, id: string) {
  const found = await findExposureCase(db, id);
  if (!found || !isWithin(found.regionCode, user.regionCode))
    throw new NotFoundError("通报案例不存在或不在您的管辖范围内");
  return found;
}

export async function createExposureCase(db: Db, user: SessionUser, input: ExposureInput) {
  if (!isWithin(input.regionCode, user.regionCode))
    throw new PermissionError(`区划 ${input.regionCode} 不在您的管辖范围内`);
  const department = await findDepartmentById(db, input.departmentId);
  // Every id the case names must belong to the caller's jurisdiction, or a sibling county could be accused.
  if (
    !department ||
    !(isWithin(department.regionCode, input.regionCode) || isWithin(input.regionCode, department.regionCode))
  )
    throw new UserInputError("被通报部门不存在或不属于该地区");
  await assertReferencesInJurisdiction(db, user, { alertId: input.alertId, recordId: input.recordId });
  if (![1, 2, 3, 4, 5, 6, 7, 8].includes(input.clause)) throw new UserInputError("条款应为《意见》第1至8条之一");
  const created = toExposureCaseDto(await insertExposureCase(db, { ...input, createdById: user.id }));
  await insertAuditBy(db, user, {
    regionCode: input.regionCode,
    action: "EXPOSURE_CREATE",
    entity: "ExposureCase",
    entityId: created.id,
    after: created,
  });
  return created;
}

const NEXT: Record<string, { from: string[]; to: string }> = {
  submit: { from: ["DRAFT"], to: "PENDING_APPROVAL" },
  publish: { from: ["PENDING_APPROVAL"], to: "PUBLISHED" },
  reject: { from: ["PENDING_APPROVAL"], to: "DRAFT" },
  rectified: { from: ["PUBLISHED"], to: "RECTIFIED" },
};

/** Moves a case through draft → pending approval → published → rectified; publishing needs a second person. */
export async function moveExposureCase(db: Db, user: SessionUser, id: string, step: keyof typeof NEXT) {
  const current = toExposureCaseDto(await caseInJurisdiction(db, user, id));
  const rule = NEXT[step]!;
  if (!rule.from.includes(current.state))
    throw new UserInputError(`当前状态为“${EXPOSURE_STATE_NAMES[current.state]}”，不能执行此操作`);
  if (step === "publish" && current.createdById === user.id) throw new UserInputError("发布须由起草人以外的人员审批");
  if (step === "rectified") {
    const blocker = await exposureRectificationBlocker(db, id);
    if (blocker) throw new UserInputError(blocker);
  }
  const updated = toExposureCaseDto(
    await moveExposureCaseState(db, id, current.state, {
      state: rule.to,
      ...(step === "publish" ? { approvedById: user.id, publishedAt: new Date() } : {}),
      ...(step === "rectified" ? { rectifiedAt: new Date() } : {}),
    }),
  );
  await insertAuditBy(db, user, {
    regionCode: current.regionCode,
    action: `EXPOSURE_${step.toUpperCase()}`,
    entity: "ExposureCase",
    entityId: id,
    before: current,
    after: updated,
  });
  if (step === "publish" || step === "rectified")
    bus.emit("region:event", current.regionCode, "exposure:changed", {
      id,
      state: updated.state,
      regionCode: current.regionCode,
    });
  return updated;
}

/** `states` undefined lists every state; an empty list lists nothing. */
/** Cases in a region, in the states the user's role may see among those asked for. */
export function listExposureCases(
  db: Db,
  user: SessionUser,
  regionCode: string,
  requested?: ExposureState[],
): Promise<ExposureListItem[]> {
  return casesInStates(db, regionCode, visibleExposureStates(user.role, requested));
}

async function casesInStates(db: Db, regionCode: string, states?: ExposureState[]): Promise<ExposureListItem[]> {
  if (states && states.length === 0) return [];
  const cases = await listExposureCasesInSubtree(db, regionCode, states, 500);
  const nameOf = await regionNamer(db, cases);
  return cases.map(({ department, ...row }) => {
    const c = toExposureCaseDto(row);
    return {
      ...c,
      departmentName: department.name,
      regionName: nameOf(c.regionCode),
      stateName: EXPOSURE_STATE_NAMES[c.state],
    };
  });
}

/** The published bulletin as xlsx. */
export async function exposureWorkbook(db: Db, regionCode: string): Promise<Buffer> {
  const cases = await casesInStates(db, regionCode, [...PUBLIC_EXPOSURE_STATES]);
  const columns = [
    { header: "序号", key: "no", width: 6 },
    { header: "地区", key: "region", width: 14 },
    { header: "被通报部门", key: "department", width: 22 },
    { header: "问题", key: "title", width: 30 },
    { header: "违规要求", key: "demanded", width: 40 },
    { header: "违反条款", key: "clause", width: 12 },
    { header: "整改要求", key: "rectification", width: 40 },
    { header: "整改期限", key: "deadline", width: 12 },
    { header: "状态", key: "state", width: 10 },
    { header: "发布日期", key: "published", width: 12 },
  ];
  const rows = cases.map((c, i) => ({
    no: i + 1,
    region: c.regionName,
    department: c.departmentName,
    title: c.title,
    demanded: c.demanded,
    clause: `《意见》第${c.clause}条`,
    rectification: c.rectification,
    deadline: c.deadline.toISOString().slice(0, 10),
    state: c.stateName,
    published: c.publishedAt?.toISOString().slice(0, 10) ?? "",
  }));
  return workbookOf([{ name: "通报曝光", columns, rows }]);
}
