// @providers: sqlite — per-kind clauses in domain/; writes through the record and ledger paths
// Every burden kind, recorded through tRPC and through an xlsx ledger, gets the
// violation flag of its clause with the Chinese reason (domain.md §2).
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { BURDEN_KIND_NAMES, type BurdenKind } from "../domain/burdenKinds";
import { ledgerColumns } from "../domain/ledger";
import { importLedger } from "../services/ledger/importLedger";
import { callerAs, sessionUser } from "./fixtures";
import { FIXED_SEED_DATE } from "./templateLocks";
import { createSeededTestDb, useTestDb } from "./testDb";

interface Case {
  kind: BurdenKind;
  violating: { title: string; details: Record<string, unknown>; clause: number; reason: string };
  compliant: { title: string; details: Record<string, unknown> };
}

const CASES: Case[] = [
  {
    kind: "FORM",
    violating: {
      title: "垃圾分类入户宣传统计表",
      details: {},
      clause: 3,
      reason: "未列入县级年度统一填报表格目录（《意见》第3条）",
    },
    compliant: { title: "农村低保对象动态管理台账（11月）", details: { frequency: "每月" } },
  },
  {
    kind: "MATERIAL",
    violating: {
      title: "创建工作汇报材料",
      details: { countyDeployed: false },
      clause: 3,
      reason: "未经县级统一部署向村级组织索要材料（《意见》第3条）",
    },
    compliant: { title: "半年工作开展情况报告", details: { countyDeployed: true } },
  },
  {
    kind: "WORK_GROUP",
    violating: {
      title: "应急值守签到群",
      details: { platform: "微信", forcedCheckIn: true },
      clause: 3,
      reason: "强制打卡、积分排名或在线时长考核（《意见》第3条）",
    },
    compliant: { title: "吉事办", details: { platform: "政务APP" } },
  },
  {
    kind: "PROOF_DEMAND",
    violating: {
      title: "会议现场签到照片报送",
      details: { proof: "照片" },
      clause: 3,
      reason: "以截图、录像、定位等留痕作为评判工作依据（《意见》第3条）",
    },
    compliant: null as never,
  },
  {
    kind: "MECHANISM",
    violating: {
      title: "村级统计员专岗",
      details: { dedicatedPost: true },
      clause: 4,
      reason: "未经省级审批设立专人专岗（《意见》第4条）",
    },
    compliant: { title: "人民调解委员会", details: { dedicatedPost: false } },
  },
  {
    kind: "SIGNBOARD",
    violating: {
      title: "村食品安全工作站",
      details: { placement: "OUTSIDE" },
      clause: 6,
      reason: "室外挂牌不在省级统一规范清单内（《意见》第6条）",
    },
    compliant: { title: "村新时代文明实践站", details: { placement: "OUTSIDE" } },
  },
  {
    kind: "CERTIFICATE",
    violating: {
      title: "单身证明",
      details: { certificateName: "开个单身证明" },
      clause: 7,
      reason: "属于负面清单事项“婚姻状况证明”（民发〔2020〕20号清单第8项）（《意见》第7条）",
    },
    compliant: {
      title: "宅基地使用情况证明",
      details: { certificateName: "宅基地使用情况证明", legalBasis: "《中华人民共和国土地管理法》第六十二条" },
    },
  },
  {
    kind: "TASK",
    violating: {
      title: "招商引资任务分解",
      details: { countyDeployed: true, responsibleFor: "村级组织负责招商引资" },
      clause: 1,
      reason: "将村级组织作为招商引资的责任主体（《意见》第1条）",
    },
    compliant: { title: "防汛物资清点", details: { countyDeployed: true } },
  },
  {
    kind: "INSPECTION",
    violating: {
      title: "档案规范化管理检查",
      details: { organiser: "县档案局" },
      clause: 3,
      reason: "督查检查考核事项未列入年度计划（《整治形式主义为基层减负若干规定》）",
    },
    compliant: { title: "基层党建工作督查", details: { organiser: "县委组织部" } },
  },
];

describe("every kind and clause, through tRPC and through xlsx", () => {
  const testDb = useTestDb(() => createSeededTestDb(FIXED_SEED_DATE));
  let departmentId: string;
  beforeAll(async () => {
    departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区民政局" } })).id;
  });

  for (const c of CASES) {
    it(`${BURDEN_KIND_NAMES[c.kind]}（${c.kind}）via tRPC`, async () => {
      const api = await callerAs(testDb.db, "monitor_kc");
      const base = {
        kind: c.kind,
        departmentId,
        scopeRegionCode: "220103002",
        units: 1,
        occurredOn: new Date("2026-11-05"),
      };
      const bad = await api.record.create({ ...base, title: c.violating.title, details: c.violating.details });
      expect(bad.isViolation).toBe(true);
      expect(bad.violations).toContainEqual(
        expect.objectContaining({ clause: c.violating.clause, reason: c.violating.reason }),
      );
      if (c.compliant) {
        const good = await api.record.create({ ...base, title: c.compliant.title, details: c.compliant.details });
        expect(good.violations).toEqual([]);
      }
    });

    it(`${BURDEN_KIND_NAMES[c.kind]}（${c.kind}）via xlsx ledger`, async () => {
      const columns = ledgerColumns(c.kind);
      const cell = (key: string, value: unknown) => {
        const spec = columns.find((col) => col.key === `details.${key}`)?.spec;
        if (value === undefined) return null;
        if (spec?.type === "boolean") return value ? "是" : "否";
        if (spec?.type === "enum") return spec.options.find((o) => o.value === value)?.label;
        return value;
      };
      const row = (title: string, details: Record<string, unknown>) =>
        columns.map((col) => {
          if (col.key === "scopeRegionCode") return "220103002";
          if (col.key === "department") return "宽城区民政局";
          if (col.key === "title") return title;
          if (col.key === "occurredOn") return "2026-11-06";
          if (col.key === "units") return 2;
          if (col.key.startsWith("details.")) return cell(col.key.slice(8), details[col.key.slice(8)]) ?? null;
          return null;
        });
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet("台账");
      sheet.addRow(columns.map((col) => col.header));
      sheet.addRow(row(c.violating.title, c.violating.details));
      if (c.compliant) sheet.addRow(row(c.compliant.title, c.compliant.details));
      const result = await importLedger(testDb.db, await sessionUser(testDb.db, "monitor_kc"), {
        kind: c.kind,
        fileName: `${c.kind}.xlsx`,
        content: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      expect(result.violations).toBe(1);
      const imported = await testDb.db.burdenRecord.findFirstOrThrow({
        where: { importBatchId: result.batchId, isViolation: true },
      });
      expect(imported.violations).toContainEqual(
        expect.objectContaining({ clause: c.violating.clause, reason: c.violating.reason }),
      );
    });
  }
});
