import type { SessionUser } from "../domain/actor";
import type { Db } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import {
  decideAdmissionRequest,
  findAdmissionRequest,
  insertAdmissionRequest,
  listAdmissionRequests,
} from "../db/catalogueRepository";
import { findDepartmentById } from "../db/departmentRepository";
import { CATALOGUE_INFO, type Catalogue } from "../domain/catalogues";
import { ancestorCodesOf, isWithin, levelOfCode } from "../domain/regions";
import { prepareCatalogueEntry, writeCatalogueVersion } from "./catalogue";
import { NotFoundError, PermissionError, UserInputError } from "./errors";
import { reclassifyAfterCatalogueChange } from "./reclassify";

/** A department asks for a new form, group, mechanism, sign or inspection to be admitted. */
export async function submitAdmission(
  db: Db,
  user: SessionUser,
  input: { catalogue: Catalogue; name: string; details: Record<string, unknown> },
) {
  if (!CATALOGUE_INFO[input.catalogue].admission)
    throw new UserInputError(`${CATALOGUE_INFO[input.catalogue].name}不接受准入申请`);
  if (!user.departmentId) throw new PermissionError("只有绑定部门的账号可以提交准入申请");
  const department = await findDepartmentById(db, user.departmentId);
  if (!department) throw new UserInputError("账号绑定的部门不存在");
  const request = await insertAdmissionRequest(db, {
    regionCode: department.regionCode,
    departmentId: department.id,
    catalogue: input.catalogue,
    name: input.name.trim(),
    details: input.details,
    requestedById: user.id,
  });
  await insertAuditBy(db, user, {
    regionCode: department.regionCode,
    action: "ADMISSION_SUBMIT",
    entity: "AdmissionRequest",
    entityId: request.id,
    after: request,
  });
  return request;
}

/** The region that owns the catalogue entry an approved request creates. */
function ownerFor(catalogue: Catalogue, requestRegion: string): string {
  const levels = CATALOGUE_INFO[catalogue].ownerLevels;
  const chain = [requestRegion, ...ancestorCodesOf(requestRegion).reverse()];
  const owner = chain.find((code) => levels.includes(levelOfCode(code)!));
  if (!owner) throw new UserInputError(`${CATALOGUE_INFO[catalogue].name}没有可设定的上级区划`);
  return owner;
}

export async function decideAdmission(
  db: Db,
  user: SessionUser,
  input: { id: string; approve: boolean; reason: string | null; effectiveFrom: Date | null },
) {
  const request = await findAdmissionRequest(db, input.id);
  if (!request || !isWithin(request.regionCode, user.regionCode))
    throw new NotFoundError("准入申请不存在或不在您的管辖范围内");
  if (request.status !== "PENDING") throw new UserInputError("该申请已处理，不能重复审批");
  if (!input.approve) {
    if (!input.reason || input.reason.trim().length < 2) throw new UserInputError("驳回须填写理由");
    const decided = await db.$transaction(async (tx) => {
      const updated = await decideAdmissionRequest(tx, request.id, {
        status: "REJECTED",
        decisionReason: input.reason!.trim(),
        decidedById: user.id,
      });
      await insertAuditBy(tx, user, {
        regionCode: request.regionCode,
        action: "REJECT",
        entity: "AdmissionRequest",
        entityId: request.id,
        before: request,
        after: updated,
      });
      return updated;
    });
    return { request: decided, reclassified: null };
  }
  const catalogue = request.catalogue as Catalogue;
  const effectiveFrom = input.effectiveFrom ?? new Date();
  const entry = await prepareCatalogueEntry(db, user, {
    catalogue,
    ownerRegionCode: ownerFor(catalogue, request.regionCode),
    name: request.name,
    details: (request.details ?? {}) as Record<string, unknown>,
    departmentId: request.departmentId,
    validFrom: effectiveFrom,
  });
  const decided = await db.$transaction(async (tx) => {
    const item = await writeCatalogueVersion(tx, user, entry);
    const updated = await decideAdmissionRequest(tx, request.id, {
      status: "APPROVED",
      decisionReason: input.reason?.trim() || null,
      decidedById: user.id,
      effectiveFrom,
      catalogueItemId: item.id,
    });
    await insertAuditBy(tx, user, {
      regionCode: request.regionCode,
      action: "APPROVE",
      entity: "AdmissionRequest",
      entityId: request.id,
      before: request,
      after: updated,
    });
    return updated;
  });
  const reclassified = await reclassifyAfterCatalogueChange(db, catalogue, entry.ownerRegionCode, effectiveFrom, user);
  return { request: decided, reclassified };
}

/** Monitors see every request in their jurisdiction; a department sees its own. */
export async function listAdmissions(db: Db, user: SessionUser, filter: { regionCode: string; status?: string }) {
  const rows = await listAdmissionRequests(db, {
    ...filter,
    departmentId: user.role === "department" ? (user.departmentId ?? "none") : undefined,
  });
  return rows.map(({ department, ...r }) => ({ ...r, departmentName: department.name }));
}
