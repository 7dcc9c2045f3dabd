// Demo data for issue #13: province-level approvals (clause 4), lawful
// certificates with a checkable basis, a few names a monitor must check
// (待核实), and frequencies judged by counting the demo's own demands.
import type { NewCatalogueItem } from "../../db/catalogueRepository";
import { DEFAULT_MINUTES, type BurdenKind } from "../../domain/burdenKinds";
import { judgeRecord, type CatalogueSnapshot } from "../../domain/classification";
import { reachingOrdinals } from "../../domain/matching/frequency";
import { pick, seededRandom } from "../../domain/random";
import { endPeriodOf, isStockKind } from "../../domain/stock";
import { storedJudgement } from "../judgement";
import type { DemoCounty, DemoRecord } from "./generateRecords";
import * as T from "./templates";

/** Inspections a year in the demo counties' plans: the 实绩考核 once, the party-building 督查 monthly. */
export const DEMO_PLAN_TIMES: Record<string, number> = { 年度乡村振兴实绩考核: 1, 基层党建工作督查: 12 };

/** Mechanisms the province approved (only the province approves them, clause 4). */
export function provinceApprovals(provinceCode: string, validFrom: Date): NewCatalogueItem[] {
  return T.APPROVED_MECHANISMS.map((name) => ({
    catalogue: "MECHANISM",
    itemKey: `MECHANISM:${provinceCode}:${name}`,
    regionCode: provinceCode,
    name,
    details: { approvalRef: "吉民发〔2023〕12号", dedicatedPost: false },
    validFrom,
  }));
}

const LAWFUL_BASIS: Record<string, string> = {
  宅基地使用情况证明: "《中华人民共和国土地管理法》第六十二条",
  土地承包经营权证明: "《中华人民共和国农村土地承包法》第二十四条",
  低保申请家庭情况说明: "《社会救助暂行办法》第十一条",
};

// Names close to a catalogue item but not clearly it: the demo's 待核实 queue.
const DOUBTFUL: [BurdenKind, string, Record<string, unknown>][] = [
  ["FORM", "低保对象动态管理台账补充表", { frequency: "临时", fillingsPerYear: 1 }],
  ["FORM", "防返贫监测信息采集表（补录）", { frequency: "临时", fillingsPerYear: 1 }],
  ["WORK_GROUP", "县乡村振兴信息报送群", { platform: "微信" }],
  ["MECHANISM", "人民调解工作室", { dedicatedPost: false, legalBasis: "县司法局要求" }],
  [
    "CERTIFICATE",
    "家庭经济状况证明",
    { certificateName: "家庭经济状况证明", requestingBody: "县教育局", hasLegalBasis: true },
  ],
];

/**
 * The generator re-reports groups, mechanisms and signs month after month; as
 * lasting burdens each is one record from its first month, and some of the
 * groups outside the county's list were dissolved a few months later.
 */
function lastingOnce(records: DemoRecord[], random: () => number, today: Date): DemoRecord[] {
  const seen = new Set<string>();
  const out: DemoRecord[] = [];
  for (const record of [...records].sort((a, b) => a.occurredOn.getTime() - b.occurredOn.getTime())) {
    if (!isStockKind(record.kind)) {
      out.push(record);
      continue;
    }
    const key = `${record.kind}|${record.title}|${record.scopeRegionCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (record.kind === "WORK_GROUP" && !T.REGISTERED_GROUPS.includes(record.title) && random() < 0.5) {
      const endedOn = new Date(
        Date.UTC(
          record.occurredOn.getUTCFullYear(),
          record.occurredOn.getUTCMonth() + 2 + Math.floor(random() * 5),
          15,
        ),
      );
      if (endedOn < today) Object.assign(record, { endedOn, endPeriod: endPeriodOf(endedOn) });
    }
    out.push(record);
  }
  return out;
}

function yearOf(record: DemoRecord) {
  return Math.floor(record.period / 100);
}

/** Judges one county's generated records as the write paths do, with counted frequencies. */
export function withDemoJudgements(
  records: DemoRecord[],
  catalogue: CatalogueSnapshot,
  county: DemoCounty,
  today = new Date(),
): DemoRecord[] {
  // Its own stream, so the generated records stay what they were.
  const random = seededRandom(Number(county.code));
  const all = lastingOnce(records, random, today);
  for (const [kind, title, details] of DOUBTFUL) {
    if (random() < 0.4) continue;
    const model = all[Math.floor(random() * all.length)]!;
    all.push({
      ...model,
      kind,
      title,
      details: { ...details, standardMinutes: DEFAULT_MINUTES[kind] },
      scopeRegionCode: pick(random, county.townships),
      scopeLevel: 4,
      dedicatedPost: false,
    });
  }
  for (const record of all)
    if (record.kind === "CERTIFICATE" && LAWFUL_BASIS[String(record.details.certificateName)])
      record.details = { ...record.details, legalBasis: LAWFUL_BASIS[String(record.details.certificateName)] };

  const judge = (record: DemoRecord, demandOrdinal?: number) => {
    const stored = storedJudgement(
      judgeRecord({ kind: record.kind, title: record.title, details: record.details, demandOrdinal }, catalogue),
    );
    Object.assign(record, stored);
  };
  for (const r of all) judge(r);
  const groups = new Map<string, { id: string; record: DemoRecord }[]>();
  all.forEach((record, i) => {
    if ((record.kind !== "FORM" && record.kind !== "INSPECTION") || !record.catalogueItem) return;
    const key = `${record.kind}|${record.catalogueItem}|${yearOf(record)}`;
    groups.set(key, [...(groups.get(key) ?? []), { id: String(i), record }]);
  });
  for (const members of groups.values()) {
    const ordinals = reachingOrdinals(
      members.map((m) => ({ id: m.id, occurredOn: m.record.occurredOn, scopeRegionCode: m.record.scopeRegionCode })),
    );
    for (const { id, record } of members) judge(record, ordinals.get(id));
  }
  return all;
}
