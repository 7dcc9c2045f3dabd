// Known events planted in the demo data, so a demonstration (and a test) can
// show that each one raises its alert while the bulk of county-months stay
// quiet. The README lists them.
import { DEFAULT_MINUTES, type BurdenKind } from "../../domain/burdenKinds";
import { classifyRecord, type CatalogueSnapshot } from "../../domain/classification";
import { isDedicatedPost } from "../../domain/metrics";
import type { DemoCounty, DemoRecord } from "./generateRecords";

export interface PlantedEvent {
  countyCode: string;
  /** Index into the twelve demo months (0 = oldest, 11 = the current month). */
  month: number;
  ruleKey: string;
  description: string;
}

export const PLANTED_EVENTS: PlantedEvent[] = [
  {
    countyCode: "220112",
    month: 8,
    ruleKey: "STAT_RISE",
    description: "双阳区突击下发迎检补报表格，当月负担记录数约为平时的3倍",
  },
  {
    countyCode: "220103",
    month: 9,
    ruleKey: "STAT_RISE",
    description: "宽城区一个部门在全部173个村各建一个“信息报送群”",
  },
  {
    countyCode: "220183",
    month: 10,
    ruleKey: "PEER_OUTLIER",
    description: "德惠市集中派交入户核查任务，村均负担工时远高于同级各县",
  },
];

function record(
  _county: DemoCounty,
  period: number,
  kind: BurdenKind,
  scope: string,
  title: string,
  details: Record<string, unknown>,
  catalogue: CatalogueSnapshot,
  departmentId: string,
  units = 1,
): DemoRecord {
  const violations = classifyRecord({ kind, title, details }, catalogue);
  return {
    kind,
    departmentId,
    scopeRegionCode: scope,
    scopeLevel: scope.length === 6 ? 3 : scope.length === 9 ? 4 : 5,
    title,
    details: { ...details, standardMinutes: DEFAULT_MINUTES[kind] },
    units,
    occurredOn: new Date(Date.UTC(Math.floor(period / 100), (period % 100) - 1, 12, 1)),
    period,
    isViolation: violations.length > 0,
    violations,
    dedicatedPost: isDedicatedPost(kind, details),
  };
}

/** The planted records, given every demo county and the records generated for them. */
export function plantedRecords(
  counties: DemoCounty[],
  generated: DemoRecord[],
  periods: number[],
  catalogue: CatalogueSnapshot,
): DemoRecord[] {
  const out: DemoRecord[] = [];
  const county = (code: string) => counties.find((c) => c.code === code);
  for (const event of PLANTED_EVENTS) {
    const c = county(event.countyCode);
    const period = periods[event.month];
    if (!c || !period) continue;
    // "Usual" is the county's average month, not this month's: a surge planted on a quiet month of an
    // over-dispersed county would otherwise be no surge at all.
    const usual = Math.round(
      generated.filter((r) => periods.includes(r.period) && r.scopeRegionCode.startsWith(c.code)).length /
        periods.length,
    );
    if (event.ruleKey === "STAT_RISE" && event.countyCode === "220112") {
      for (let i = 0; i < 2 * usual; i += 1)
        out.push(
          record(
            c,
            period,
            "FORM",
            c.code,
            `迎检补报表格（第${i + 1}张）`,
            { frequency: "临时", fillingsPerYear: 1 },
            catalogue,
            c.departments[i % c.departments.length]!,
          ),
        );
    } else if (event.ruleKey === "STAT_RISE") {
      for (const village of c.villages)
        out.push(
          record(
            c,
            period,
            "WORK_GROUP",
            village,
            "村级信息报送群",
            { platform: "微信", forcedCheckIn: true, ranking: false },
            catalogue,
            c.departments[0]!,
          ),
        );
    } else {
      for (let i = 0; i < 12; i += 1)
        out.push(
          record(
            c,
            period,
            "TASK",
            c.code,
            "入户核查人口及房屋信息",
            { responsibleFor: "村级组织负责逐户核查", countyDeployed: false },
            catalogue,
            c.departments[i % c.departments.length]!,
            10,
          ),
        );
    }
  }
  return out;
}
