import type { Db } from "../db/client";
import { insertAudit } from "../db/auditRepository";
import { insertBurdenRecords } from "../db/burdenRepository";
import { insertCatalogueItems, type NewCatalogueItem } from "../db/catalogueRepository";
import { insertDepartments, listAllDepartments } from "../db/departmentRepository";
import { rebuildAggregates } from "../db/metricRepository";
import { firstVillageOf, listChildren, villageCodesUnder } from "../db/regionRepository";
import { getSetting, setSetting } from "../db/settingsRepository";
import { countUsers } from "../db/userRepository";
import type { CatalogueSnapshot } from "../domain/classification";
import { seededRandom } from "../domain/random";
import type { Role } from "../domain/roles";
import { NATIONAL_NEGATIVE_LIST } from "./negativeList";
import { generateCountyRecords, lastTwelvePeriods, type DemoCounty } from "./demo/generateRecords";
import { DEMO_PLAN_TIMES, provinceApprovals, withDemoJudgements } from "./demo/judgementDemo";
import * as T from "./demo/templates";
import { plantedRecords } from "./demo/anomalies";
import { importRegions } from "./regionImport";
import { ensureDefaultRules } from "./alerts/alertRules";
import { issueAccessCode } from "./directReports";
import { createUser } from "./users";
import { demoSessionUser, seedDemoRectification } from "./demo/rectification";
import { seedDemoForms } from "./formOverlap/demoForms";

export const DEMO_REGION = "2201"; // 吉林省长春市
export const DEMO_PASSWORD = "Demo2026";
const DEMO_FLAG = "demoSeededAt";
const DEMO_POINTS_KEY = "demoAccessCodes";
/** Fixed demo access codes: one monitoring point in each of two districts. */
const DEMO_ACCESS_CODES: [string, string][] = [
  ["220103", "KCQ2-DEMO"],
  ["220104", "CYQ2-DEMO"],
];

export async function demoAccessCodes(db: Db): Promise<{ villageName: string; accessCode: string }[]> {
  return JSON.parse((await getSetting(db, DEMO_POINTS_KEY)) ?? "[]");
}

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  regionName: string;
  department?: string;
}

/** One account per role, plus a monitor in each of two sibling districts for jurisdiction demos. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "monitor", name: "长春市民政局监测员", role: "monitor", regionCode: "2201", regionName: "长春市" },
  { username: "leader", name: "宽城区领导", role: "county_leader", regionCode: "220103", regionName: "宽城区" },
  { username: "inspector", name: "宽城区督查员", role: "inspector", regionCode: "220103", regionName: "宽城区" },
  {
    username: "dept",
    name: "宽城区卫生健康局填报员",
    role: "department",
    regionCode: "220103",
    regionName: "宽城区",
    department: "宽城区卫生健康局",
  },
  { username: "admin", name: "系统管理员", role: "admin", regionCode: "22", regionName: "吉林省" },
  { username: "monitor_kc", name: "宽城区民政局监测员", role: "monitor", regionCode: "220103", regionName: "宽城区" },
  { username: "monitor_cy", name: "朝阳区民政局监测员", role: "monitor", regionCode: "220104", regionName: "朝阳区" },
];

export async function isDemoMode(db: Db): Promise<boolean> {
  return (await getSetting(db, DEMO_FLAG)) !== null;
}

function demoCatalogue(): CatalogueSnapshot {
  return {
    formList: new Map(T.LISTED_FORMS.map(([name, allowedPerYear]) => [name, { allowedPerYear }])),
    registeredGroups: new Set(T.REGISTERED_GROUPS),
    approvedMechanisms: new Set(T.APPROVED_MECHANISMS),
    signboardStandard: new Set(T.SIGNBOARD_STANDARD),
    inspectionPlan: new Set(T.INSPECTIONS_IN_PLAN),
    inspectionTimes: new Map(Object.entries(DEMO_PLAN_TIMES)),
    negativeList: NATIONAL_NEGATIVE_LIST,
  };
}

function catalogueItems(countyCode: string, validFrom: Date): NewCatalogueItem[] {
  const item = (catalogue: string, name: string, details?: Record<string, unknown>): NewCatalogueItem => ({
    catalogue,
    itemKey: `${catalogue}:${countyCode}:${name}`,
    regionCode: countyCode,
    name,
    details,
    validFrom,
  });
  return [
    ...T.LISTED_FORMS.map(([name, allowedPerYear]) => item("FORM_LIST", name, { allowedPerYear })),
    ...T.REGISTERED_GROUPS.map((name) => item("WORK_GROUP", name)),
    ...T.APPROVED_MECHANISMS.map((name) => item("MECHANISM", name)),
    ...T.INSPECTIONS_IN_PLAN.map((name) => item("INSPECTION_PLAN", name, { timesPerYear: DEMO_PLAN_TIMES[name] ?? 1 })),
  ];
}

/** First start on an empty database: 长春市, departments, catalogues, twelve months of records, demo accounts. */
export async function seedDemoIfEmpty(
  db: Db,
  log: (line: string) => void = console.log,
  now = new Date(),
): Promise<boolean> {
  if ((await countUsers(db)) > 0 || (await isDemoMode(db))) return false;
  const started = performance.now();
  log("首次启动：正在导入长春市区划并生成演示数据…");
  await importRegions(db, DEMO_REGION);

  const validFrom = new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 1));
  // The negative list and the signboard standard are reference data loaded by the migrations.
  await insertCatalogueItems(db, provinceApprovals(DEMO_REGION.slice(0, 2), validFrom));
  const random = seededRandom(20221101);
  const periods = lastTwelvePeriods(now);
  const catalogue = demoCatalogue();
  const counties = await listChildren(db, DEMO_REGION);
  let records = 0;
  const planted: { county: DemoCounty; generated: ReturnType<typeof generateCountyRecords> }[] = [];
  for (const county of counties) {
    const prefix = county.name;
    const departments = await insertDepartments(
      db,
      T.DEPARTMENT_SUFFIXES.map(([suffix, category]) => ({ regionCode: county.code, name: prefix + suffix, category })),
    );
    await insertCatalogueItems(db, catalogueItems(county.code, validFrom));
    await seedDemoForms(db, county, departments, validFrom);
    const townships = await listChildren(db, county.code);
    const villages = await villageCodesUnder(
      db,
      townships.map((t) => t.code),
    );
    const demoCounty: DemoCounty = {
      code: county.code,
      townships: townships.map((t) => t.code),
      villages,
      departments: departments.map((d) => d.id),
    };
    const generated = withDemoJudgements(
      generateCountyRecords(demoCounty, periods, catalogue, random, now),
      catalogue,
      demoCounty,
      now,
    );
    const inserted = await insertBurdenRecords(
      db,
      generated.map((r) => ({ ...r, source: "DEMO" })),
    );
    records += inserted;
    // The demo records enter the audit log as an import, like any ledger would.
    await insertAudit(db, {
      actorId: null,
      actorRole: null,
      regionCode: county.code,
      action: "IMPORT",
      entity: "ImportBatch",
      entityId: `demo-${county.code}`,
      after: { fileName: "演示数据（首次启动生成）", count: inserted },
    });
    planted.push({ county: demoCounty, generated });
  }
  const anomalies = plantedRecords(
    planted.map((p) => p.county),
    planted.flatMap((p) => p.generated),
    periods,
    catalogue,
  );
  records += await insertBurdenRecords(
    db,
    anomalies.map((r) => ({ ...r, source: "DEMO" })),
  );

  await rebuildAggregates(db);
  await ensureDefaultRules(db);
  const departmentsByName = new Map((await listAllDepartments(db)).map((d) => [d.name, d.id]));
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, {
      username: account.username,
      name: account.name,
      password: DEMO_PASSWORD,
      role: account.role,
      regionCode: account.regionCode,
      departmentId: account.department ? (departmentsByName.get(account.department) ?? null) : null,
    });
  }
  const seeder = await demoSessionUser(db, "monitor");
  const points: { villageName: string; accessCode: string }[] = [];
  for (const [county, accessCode] of DEMO_ACCESS_CODES) {
    const village = await firstVillageOf(db, county);
    points.push(await issueAccessCode(db, seeder, village.code, accessCode));
  }
  await setSetting(db, DEMO_POINTS_KEY, JSON.stringify(points));
  const rectificationItems = await seedDemoRectification(db, seeder, await demoSessionUser(db, "dept"), now);
  await setSetting(db, DEMO_FLAG, now.toISOString());
  log(
    `演示数据已生成：${counties.length} 个县级单位，${records.toLocaleString("zh-CN")} 条负担记录，${rectificationItems} 项整改事项，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`,
  );
  log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const a of DEMO_ACCOUNTS) log(`  ${a.username.padEnd(11)} ${a.name}（${a.regionName}）`);
  log("村级直报访问码（演示，打开 /report 使用）：");
  for (const p of points) log(`  ${p.accessCode}  ${p.villageName}`);
  return true;
}
