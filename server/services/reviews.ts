// 待核实: a monitor confirms a doubtful name as the catalogue item (the wording
// is remembered as a synonym and every record with it is judged again) or
// confirms the violation for that record.
import { forgetRecordMonths } from "./recordCounts";
import type { SessionUser } from "../domain/actor";
import { toRecordDto } from "./dto/records";
import type { Db } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import { insertCatalogueItem, latestVersion } from "../db/catalogueRepository";
import { findCatalogueItemsOwnedBy } from "../db/catalogueSnapshotRepository";
import { countPendingReviewsByKind, listPendingReviews, setJudgement } from "../db/judgementRepository";
import { accumulate, recordFilter } from "../db/metricRepository";
import { findRecord } from "../db/burdenRepository";
import type { BurdenKind } from "../domain/burdenKinds";
import { judgeRecord, type Judgement } from "../domain/classification";
import { nameKey, type NameKind } from "../domain/matching/normalise";
import { ancestorCodesOf, isWithin } from "../domain/regions";
import { evaluateAfterWrites } from "./alerts/alertEvaluation";
import { catalogueSnapshotFor } from "./catalogueSnapshot";
import { NotFoundError, UserInputError } from "./errors";
import { rejudgeFrequencies } from "./frequency";
import { placeContexts, storedJudgement } from "./judgement";
import { reclassifyAfterCatalogueChange } from "./reclassify";

const NAME_CATALOGUES: ReadonlySet<string> = new Set([
  "FORM_LIST",
  "WORK_GROUP",
  "MECHANISM",
  "SIGNBOARD_STANDARD",
  "INSPECTION_PLAN",
]);
// Synonyms are knowledge about wording, not a rule with a start date: valid for every record.
const ALWAYS = new Date(Date.UTC(2000, 0, 1));

/** 待核实 records inside `regionCode` (the caller has checked it lies in the user's jurisdiction). */
export async function listReviews(db: Db, regionCode: string, pageSize: number, cursor?: string) {
  const rows = await listPendingReviews(db, regionCode, pageSize + 1, cursor);
  const page = rows.slice(0, pageSize);
  return {
    items: page.map(({ department, ...r }) => ({ ...toRecordDto(r), departmentName: department.name })),
    nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
  };
}

export async function reviewCounts(db: Db, regionCode: string) {
  const byKind = await countPendingReviewsByKind(db, regionCode);
  return { total: byKind.reduce((sum, r) => sum + r.count, 0), byKind };
}

async function pendingRecord(db: Db, user: SessionUser, id: string) {
  const record = await findRecord(db, id);
  if (!record || !isWithin(record.scopeRegionCode, user.regionCode))
    throw new NotFoundError("记录不存在或不在您的管辖范围内");
  if (record.status !== "ACTIVE") throw new UserInputError("该记录已撤回，无需核实");
  if (!record.needsReview) throw new UserInputError("该记录没有待核实事项");
  return record;
}

/** The wording is the catalogue item: remembered as a synonym, then every affected record is judged again. */
export async function confirmAsItem(db: Db, user: SessionUser, id: string, item: string) {
  const record = await pendingRecord(db, user, id);
  const judgement = record.judgement as Judgement | null;
  if (!judgement || !NAME_CATALOGUES.has(judgement.catalogue))
    throw new UserInputError("该记录的待核实事项不是名称匹配，只能确认违规或修改记录");
  const catalogue = judgement.catalogue as NameKind;
  const owners = [...ancestorCodesOf(record.scopeRegionCode), record.scopeRegionCode];
  const target = (await findCatalogueItemsOwnedBy(db, owners, catalogue)).find((i) => i.name === item && !i.validTo);
  if (!target) throw new UserInputError(`目录中没有“${item}”，请从候选事项中选择`);
  // The narrower of the user's region and the item's owner: a county monitor teaches its own county.
  const owner = isWithin(user.regionCode, target.regionCode) ? user.regionCode : target.regionCode;
  const places = (await placeContexts(db, [record.scopeRegionCode])).get(record.scopeRegionCode);
  const key = nameKey(record.title, catalogue, places);
  const itemKey = `SYNONYM:${owner}:${catalogue}:${key}`;
  await db.$transaction(async (tx) => {
    // A wording confirmed again (perhaps as another item) is a new version of the same synonym.
    const previous = await latestVersion(tx, itemKey);
    const synonym = await insertCatalogueItem(tx, {
      catalogue: "SYNONYM",
      itemKey,
      version: (previous?.version ?? 0) + 1,
      regionCode: owner,
      name: record.title,
      details: { catalogue, key, item },
      validFrom: ALWAYS,
      createdById: user.id,
    });
    await insertAuditBy(tx, user, {
      regionCode: owner,
      action: "REVIEW",
      entity: "BurdenRecord",
      entityId: id,
      after: { decision: "MATCH", item, synonymId: synonym.id },
    });
  });
  return reclassifyAfterCatalogueChange(db, catalogue, owner, new Date(0), { id: user.id, role: user.role });
}

/** The doubt is resolved against the department: the 待核实 flags become violations of this record. */
export async function confirmViolation(db: Db, user: SessionUser, id: string, note: string) {
  const record = await pendingRecord(db, user, id);
  const places = (await placeContexts(db, [record.scopeRegionCode])).get(record.scopeRegionCode);
  const stored = storedJudgement(
    judgeRecord(
      {
        kind: record.kind as BurdenKind,
        title: record.title,
        details: (record.details ?? {}) as Record<string, unknown>,
        places,
        reviewDecision: "VIOLATION",
        demandOrdinal: (record.judgement as Judgement | null)?.ordinal,
      },
      await catalogueSnapshotFor(db, record.scopeRegionCode, record.occurredOn),
    ),
  );
  await db.$transaction(async (tx) => {
    await accumulate(tx, recordFilter(id), -1);
    await setJudgement(tx, id, stored, "VIOLATION");
    await accumulate(tx, recordFilter(id), 1);
    await insertAuditBy(tx, user, {
      regionCode: record.scopeRegionCode,
      action: "REVIEW",
      entity: "BurdenRecord",
      entityId: id,
      before: { reviews: record.reviews },
      after: { decision: "VIOLATION", note, violations: stored.violations },
    });
  });
  forgetRecordMonths(db, [record.period]);
  await evaluateAfterWrites(db, [record]);
  await rejudgeFrequencies(db, [record], user);
  return { id, violations: stored.violations };
}
