import type { ClassifiedRecord } from "../../db/burdenRepository";
import { DEFAULT_MINUTES, type BurdenKind } from "../../domain/burdenKinds";
import { classifyRecord, type CatalogueSnapshot } from "../../domain/classification";
import { isDedicatedPost } from "../../domain/metrics";
import { gammaDraw, pick, poisson, seededRandom } from "../../domain/random";
import * as T from "./templates";

export interface DemoCounty {
  code: string;
  townships: string[];
  villages: string[];
  departments: string[]; // ids
}

export type DemoRecord = ClassifiedRecord & { kind: BurdenKind };

/** The twelve months up to and including `last`, as yyyymm. */
export function lastTwelvePeriods(last: Date): number[] {
  const periods: number[] = [];
  for (let back = 11; back >= 0; back -= 1) {
    const d = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - back, 1));
    periods.push(d.getUTCFullYear() * 100 + d.getUTCMonth() + 1);
  }
  return periods;
}

/**
 * Shape of the gamma "campaign intensity" that scales a county's month: real
 * county counts are over-dispersed (statistics.md §1) because campaigns,
 * inspections and year-end push every department at once. Shape 15 (a month
 * typically within ±26 % of the county's level) gives record counts a dispersion
 * of about 1 + mean/15: 2–7 across the demo's counties.
 */
export const DEMO_MONTH_SHAPE = 15;

/** One intensity per month, from its own stream so the draws of the records stay comparable. */
export function monthIntensities(countyCode: string, months: number): number[] {
  const random = seededRandom(Number(countyCode) * 7919 + 17);
  return Array.from({ length: months }, () => gammaDraw(random, DEMO_MONTH_SHAPE) / DEMO_MONTH_SHAPE);
}

/**
 * Twelve months of records for one county. Volumes follow the campaign
 * baselines (forms around 80 a village a year, falling through the year) and
 * every clause gets violations.
 */
export function generateCountyRecords(
  county: DemoCounty,
  periods: number[],
  catalogue: CatalogueSnapshot,
  random: () => number,
  today: Date,
): DemoRecord[] {
  const out: DemoRecord[] = [];
  const intensities = monthIntensities(county.code, periods.length);
  periods.forEach((period, index) => {
    const year = Math.floor(period / 100);
    const month = (period % 100) - 1;
    const monthDays = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    // No demand in the future: the current month runs only up to today.
    const isCurrent = year === today.getUTCFullYear() && month === today.getUTCMonth();
    const days = isCurrent ? today.getUTCDate() : monthDays;
    // The burden falls as the campaign bites, month by month around the county's campaign intensity.
    const intensity = intensities[index]!;
    const trend = (1.3 - (0.5 * index) / 11) * intensity;
    const add = (kind: BurdenKind, scope: string, title: string, details: Record<string, unknown>, units = 1) => {
      const violations = classifyRecord({ kind, title, details }, catalogue);
      out.push({
        kind,
        departmentId: pick(random, county.departments),
        scopeRegionCode: scope,
        scopeLevel: scope.length === 6 ? 3 : scope.length === 9 ? 4 : 5,
        title,
        details: { ...details, standardMinutes: DEFAULT_MINUTES[kind] },
        units,
        occurredOn: new Date(Date.UTC(year, month, 1 + Math.floor(random() * days), 1)),
        period,
        isViolation: violations.length > 0,
        violations,
        dedicatedPost: isDedicatedPost(kind, details),
      });
    };
    const countyOrTownship = () => (random() < 0.7 ? county.code : pick(random, county.townships));

    for (let i = poisson(random, 5 * trend); i > 0; i -= 1) {
      if (random() < 0.82) {
        const [title, perYear] = pick(random, T.LISTED_FORMS);
        const over = random() < 0.08;
        add("FORM", countyOrTownship(), title, {
          frequency: perYear >= 12 ? "每月" : perYear >= 4 ? "每季度" : "每年",
          fillingsPerYear: over ? perYear * 2 : perYear,
        });
      } else {
        add("FORM", countyOrTownship(), pick(random, T.UNLISTED_FORMS), { frequency: "临时", fillingsPerYear: 1 });
      }
    }
    for (const township of county.townships) {
      if (random() < 0.12 * trend)
        add("FORM", township, pick(random, [...T.UNLISTED_FORMS, T.LISTED_FORMS[5]![0]]), {
          frequency: "临时",
          fillingsPerYear: 1,
        });
    }
    for (let i = poisson(random, 2.5 * trend); i > 0; i -= 1) {
      add("MATERIAL", countyOrTownship(), pick(random, T.MATERIALS), {
        countyDeployed: random() < 0.65,
        deadlineDays: 3 + Math.floor(random() * 10),
      });
    }
    const groups = [...T.REGISTERED_GROUPS, ...T.UNREGISTERED_GROUPS.slice(0, Math.max(1, Math.round(5 * trend) - 1))];
    for (const name of groups) {
      if (random() < 0.25) continue;
      const registered = T.REGISTERED_GROUPS.includes(name);
      add("WORK_GROUP", county.code, name, {
        platform: name.endsWith("群") ? "微信" : "政务APP",
        forcedCheckIn: !registered && /打卡|签到|每日/.test(name),
        ranking: /积分|排名/.test(name),
      });
    }
    for (let i = poisson(random, 1.5 * trend); i > 0; i -= 1)
      add("PROOF_DEMAND", countyOrTownship(), pick(random, T.PROOF_DEMANDS), { proof: "截图/照片" });
    if (random() < 0.6) {
      if (random() < 0.5)
        add("MECHANISM", county.code, pick(random, T.APPROVED_MECHANISMS), {
          dedicatedPost: false,
          approvalRef: "吉民发〔2023〕12号",
        });
      else {
        const [name, post] = pick(random, T.UNAPPROVED_MECHANISMS);
        add("MECHANISM", countyOrTownship(), name, { dedicatedPost: post });
      }
    }
    for (const village of county.villages) {
      const r = random();
      if (r < 0.04 * trend) {
        const counterpart = random() < 0.35;
        const title =
          counterpart || random() < 0.5 ? pick(random, T.EXTRA_SIGNBOARDS) : pick(random, T.SIGNBOARD_STANDARD);
        add(
          "SIGNBOARD",
          village,
          title,
          { placement: random() < 0.75 ? "OUTSIDE" : "INSIDE", counterpart },
          1 + Math.floor(random() * 2),
        );
      } else if (r < 0.04 * trend + 0.1 * intensity) {
        const negative = random() < 0.6;
        const name = negative ? pick(random, T.NEGATIVE_CERTIFICATE_ASKS) : pick(random, T.LAWFUL_CERTIFICATE_ASKS);
        add(
          "CERTIFICATE",
          village,
          name,
          { certificateName: name, requestingBody: "县级部门窗口" },
          1 + poisson(random, 1),
        );
      }
    }
    for (let i = poisson(random, 1.5 * intensity); i > 0; i -= 1) {
      const [title, subject] = pick(random, T.TASKS);
      add("TASK", countyOrTownship(), title, {
        responsibleFor: subject ? `村级组织负责${subject}` : "",
        countyDeployed: random() < 0.7,
      });
    }
    if (random() < 0.8) {
      const inPlan = random() < 0.6;
      add(
        "INSPECTION",
        county.code,
        inPlan ? pick(random, T.INSPECTIONS_IN_PLAN) : pick(random, T.INSPECTIONS_OUTSIDE),
        { organiser: "县委督查室" },
      );
    }
  });
  return out;
}
