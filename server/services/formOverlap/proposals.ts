// A monitor's decision on a merge proposal. Accepting files a draft change to
// the county's form list (a pending admission request for the merged form,
// led by the base form's department) that goes through the admission flow;
// dismissing needs a reason. Both are kept and audited.
import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import { insertAdmissionRequest } from "../../db/catalogueRepository";
import { findMergeDecision, insertMergeDecision } from "../../db/formOverlapRepository";
import { isWithin, levelOfCode } from "../../domain/regions";
import { NotFoundError, PermissionError, UserInputError } from "../errors";
import { analyseCounty, type ClusterView } from "./analysis";

async function openCluster(
  db: Db,
  user: SessionUser,
  countyCode: string,
  clusterKey: string,
): Promise<{ cluster: ClusterView; analysis: Awaited<ReturnType<typeof analyseCounty>> }> {
  if (levelOfCode(countyCode) !== 3) throw new UserInputError("合并建议按县级区划处理，请选择一个县（市、区）");
  if (!isWithin(countyCode, user.regionCode)) throw new PermissionError(`区划 ${countyCode} 不在您的管辖范围内`);
  if (await findMergeDecision(db, countyCode, clusterKey)) throw new UserInputError("该合并建议已处理，不能重复处理");
  const analysis = await analyseCounty(db, countyCode);
  const cluster = analysis.clusters.find((c) => c.clusterKey === clusterKey);
  if (!cluster) throw new NotFoundError("该合并建议已不存在（表格或字段已变化），请刷新后重试");
  return { cluster, analysis };
}

export async function acceptProposal(db: Db, user: SessionUser, input: { countyCode: string; clusterKey: string }) {
  const { cluster, analysis } = await openCluster(db, user, input.countyCode, input.clusterKey);
  const byKey = new Map(analysis.forms.map((f) => [f.key, f]));
  const base = byKey.get(cluster.baseKey);
  const departmentId = base?.departmentId ?? cluster.members.map((m) => byKey.get(m.key)?.departmentId).find(Boolean);
  if (!departmentId) throw new UserInputError("无法确定牵头部门：请先为基础表格登记所属部门");
  const allowedPerYear = Math.max(
    1,
    ...cluster.members.map((m) => Math.round((byKey.get(m.key)?.fillings ?? 0) / Math.max(1, analysis.villages))),
  );
  const details = {
    allowedPerYear: Math.min(366, allowedPerYear),
    fields: cluster.groups.flatMap((g) => g.items.map((i) => i.label)).join("、"),
    mergedFrom: cluster.members.map((m) => m.title),
    baseForm: cluster.baseTitle,
    sharedBy: cluster.departments,
    savedHoursPerYear: Math.round(cluster.savedHours),
  };
  return db.$transaction(async (tx) => {
    const request = await insertAdmissionRequest(tx, {
      regionCode: input.countyCode,
      departmentId,
      catalogue: "FORM_LIST",
      name: cluster.title,
      details,
      requestedById: user.id,
    });
    const decision = await insertMergeDecision(tx, {
      regionCode: input.countyCode,
      clusterKey: cluster.clusterKey,
      status: "ACCEPTED",
      reason: null,
      proposal: { ...cluster, decision: undefined },
      admissionRequestId: request.id,
      decidedById: user.id,
    });
    await insertAuditBy(tx, user, {
      regionCode: input.countyCode,
      action: "MERGE_ACCEPT",
      entity: "MergeProposalDecision",
      entityId: decision.id,
      after: { decision, admissionRequestId: request.id },
    });
    return { decision, admissionRequest: request };
  });
}

export async function dismissProposal(
  db: Db,
  user: SessionUser,
  input: { countyCode: string; clusterKey: string; reason: string },
) {
  const reason = input.reason.trim();
  if (reason.length < 2) throw new UserInputError("不采纳合并建议须填写理由");
  const { cluster } = await openCluster(db, user, input.countyCode, input.clusterKey);
  return db.$transaction(async (tx) => {
    const decision = await insertMergeDecision(tx, {
      regionCode: input.countyCode,
      clusterKey: cluster.clusterKey,
      status: "DISMISSED",
      reason,
      proposal: { ...cluster, decision: undefined },
      admissionRequestId: null,
      decidedById: user.id,
    });
    await insertAuditBy(tx, user, {
      regionCode: input.countyCode,
      action: "MERGE_DISMISS",
      entity: "MergeProposalDecision",
      entityId: decision.id,
      after: decision,
    });
    return { decision };
  });
}
