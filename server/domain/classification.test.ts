import { describe, expect, it } from "vitest";
import { classifyRecord, type CatalogueSnapshot } from "./classification";

const catalogue: CatalogueSnapshot = {
  formList: new Map([["农村低保对象动态管理台账", { allowedPerYear: 12 }]]),
  registeredGroups: new Set(["县乡村振兴工作群"]),
  approvedMechanisms: new Set(["村务监督委员会"]),
  signboardStandard: new Set(["村民委员会"]),
  inspectionPlan: new Set(["年度乡村振兴实绩考核"]),
  negativeList: [{ no: 5, name: "无犯罪记录证明", source: "民发〔2020〕20号清单" }],
};

const codes = (
  kind: Parameters<typeof classifyRecord>[0]["kind"],
  title: string,
  details: Record<string, unknown> = {},
) => classifyRecord({ kind, title, details }, catalogue).map((v) => v.code);

describe("violation classification by clause", () => {
  it("clause 3: forms outside the list or filled too often", () => {
    expect(codes("FORM", "农村低保对象动态管理台账", { fillingsPerYear: 12 })).toEqual([]);
    expect(codes("FORM", "农村低保对象动态管理台账", { fillingsPerYear: 24 })).toEqual(["FORM_TOO_FREQUENT"]);
    expect(classifyRecord({ kind: "FORM", title: "文明村创建材料汇总表", details: {} }, catalogue)[0]).toEqual({
      clause: 3,
      code: "FORM_NOT_LISTED",
      reason: "未列入县级年度统一填报表格目录（《意见》第3条）",
    });
  });

  it("clause 3: materials, groups and proof demands", () => {
    expect(codes("MATERIAL", "总结", { countyDeployed: true })).toEqual([]);
    expect(codes("MATERIAL", "总结", { countyDeployed: false })).toEqual(["MATERIAL_NOT_DEPLOYED"]);
    expect(codes("WORK_GROUP", "县乡村振兴工作群")).toEqual([]);
    expect(codes("WORK_GROUP", "应急值守签到群", { forcedCheckIn: true })).toEqual([
      "GROUP_NOT_REGISTERED",
      "GROUP_FORCED_ACTIVITY",
    ]);
    expect(codes("PROOF_DEMAND", "入户须上传照片")).toEqual(["PROOF_AS_BASIS"]);
  });

  it("clause 1: tasks", () => {
    expect(codes("TASK", "防汛物资清点", { countyDeployed: true })).toEqual([]);
    expect(codes("TASK", "违建巡查", { countyDeployed: true, responsibleFor: "村级组织负责拆迁拆违" })).toEqual([
      "TASK_FORBIDDEN_SUBJECT",
    ]);
    expect(codes("TASK", "信息登记", { countyDeployed: false })).toEqual(["TASK_NOT_DEPLOYED"]);
  });

  it("clause 4: mechanisms without approval or legal basis", () => {
    expect(codes("MECHANISM", "村务监督委员会")).toEqual([]);
    expect(codes("MECHANISM", "村级禁毒工作站", { legalBasis: "《禁毒法》第十三条" })).toEqual([]);
    expect(
      classifyRecord({ kind: "MECHANISM", title: "统计员专岗", details: { dedicatedPost: true } }, catalogue)[0]
        ?.reason,
    ).toContain("专人专岗");
  });

  it("clause 6: signboards", () => {
    expect(codes("SIGNBOARD", "村民委员会", { placement: "OUTSIDE" })).toEqual([]);
    expect(codes("SIGNBOARD", "村计生协会", { placement: "INSIDE" })).toEqual([]);
    expect(codes("SIGNBOARD", "村计生协会", { placement: "OUTSIDE" })).toEqual(["SIGN_NOT_STANDARD"]);
    expect(codes("SIGNBOARD", "村民委员会", { placement: "INSIDE", counterpart: true })).toEqual(["SIGN_COUNTERPART"]);
  });

  it("clause 7: certificates on the negative list, naming the item", () => {
    const [violation] = classifyRecord(
      { kind: "CERTIFICATE", title: "无犯罪证明", details: { certificateName: "无犯罪证明" } },
      catalogue,
    );
    expect(violation?.clause).toBe(7);
    expect(violation?.reason).toContain("无犯罪记录证明");
    expect(
      codes("CERTIFICATE", "宅基地使用情况证明", { legalBasis: "《中华人民共和国土地管理法》第六十二条" }),
    ).toEqual([]);
    expect(codes("CERTIFICATE", "某证明", { hasLegalBasis: false })).toEqual(["CERT_NO_BASIS"]);
  });

  it("inspections outside the annual plan", () => {
    expect(codes("INSPECTION", "年度乡村振兴实绩考核")).toEqual([]);
    expect(codes("INSPECTION", "档案检查")).toEqual(["INSPECTION_OUTSIDE_PLAN"]);
  });
});
