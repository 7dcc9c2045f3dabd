// Demo rectification workload: items in every state, some overdue, made from
// the demo violations through the same services a monitor uses.
import type { Db } from "../../db/client";
import { allActiveViolations } from "../../db/burdenRepository";
import { findDepartmentsByIds } from "../../db/departmentRepository";
import { insertStep, overwriteItemForDemo } from "../../db/rectificationRepository";
import { findUserByUsername } from "../../db/userRepository";
import type { SessionUser } from "../../domain/actor";
import { isRole } from "../../domain/roles";
import { escalateOverdueItems } from "../rectification/escalation";
import { createFromRecords } from "../rectification/create";
import { acceptItem } from "../rectification/workflow";

const DAY = 86_400_000;

type Plan = "OPEN" | "OVERDUE" | "SUBMITTED" | "RETURNED" | "CLOSED" | "CLOSED_LATE";
// The department account's own workload first, then a mix for every other department picked.
const DEPARTMENT_PLANS: Plan[] = ["OVERDUE", "OPEN", "SUBMITTED", "RETURNED", "CLOSED"];
const OTHER_PLANS: Plan[] = ["CLOSED", "OPEN", "OVERDUE", "CLOSED_LATE", "SUBMITTED", "CLOSED", "RETURNED", "OPEN"];

const MEASURES = [
  "已印发撤回通知，停止向各村下发该表格，改由县级统一目录表格采集。",
  "已解散该工作群，相关通知改由乡镇整合保留的工作群转发，附解散截图。",
  "已摘除对口挂牌，附摘牌前后照片。",
];

async function moveTo(
  db: Db,
  itemId: string,
  actor: SessionUser,
  state: "SUBMITTED" | "RETURNED",
  at: Date,
  note: string,
) {
  if (state === "SUBMITTED") {
    await overwriteItemForDemo(db, itemId, { state, measures: note, submittedAt: at });
    await insertStep(db, { itemId, type: "SUBMITTED", actorId: actor.id, note });
  } else {
    await overwriteItemForDemo(db, itemId, { state, returnReason: note });
    await insertStep(db, { itemId, type: "RETURNED", actorId: actor.id, note });
  }
}

/** Builds the workload from up to `perCounty` departments with violations in each county. */
export async function seedDemoRectification(
  db: Db,
  monitor: SessionUser,
  department: SessionUser,
  now = new Date(),
  perCounty = 1,
) {
  const violating = await allActiveViolations(db);
  const byDepartment = new Map<string, typeof violating>();
  for (const r of violating) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
  const departments = await findDepartmentsByIds(db, [...byDepartment.keys()], true);
  const perCountyCount = new Map<string, number>();
  const picked = departments.filter((d) => d.id === department.departmentId);
  for (const d of departments) {
    const county = d.regionCode.slice(0, 6);
    if (d.id === department.departmentId || (perCountyCount.get(county) ?? 0) >= perCounty) continue;
    perCountyCount.set(county, (perCountyCount.get(county) ?? 0) + 1);
    picked.push(d);
  }
  let items = 0;
  let n = 0;
  for (const d of picked) {
    const plans = d.id === department.departmentId ? DEPARTMENT_PLANS : [OTHER_PLANS[n++ % OTHER_PLANS.length]!];
    const records = byDepartment.get(d.id)!;
    for (const [i, plan] of plans.entries()) {
      const group = records.slice(i * 2, i * 2 + 2);
      if (group.length === 0) break;
      const overdue = plan === "OVERDUE" || plan === "CLOSED_LATE";
      const createdAt = new Date(now.getTime() - (overdue ? 40 : 12) * DAY);
      const deadline = new Date(createdAt.getTime() + (overdue ? 15 : 20) * DAY);
      const [item] = await createFromRecords(
        db,
        monitor,
        group.map((r) => r.id),
        { deadline },
        { source: "RECORDS" },
        createdAt,
      );
      await overwriteItemForDemo(db, item!.id, { createdAt });
      items++;
      const measures = MEASURES[(n + i) % MEASURES.length]!;
      if (plan === "SUBMITTED" || plan === "RETURNED" || plan === "CLOSED" || plan === "CLOSED_LATE") {
        await moveTo(
          db,
          item!.id,
          department.departmentId === d.id ? department : monitor,
          "SUBMITTED",
          new Date(createdAt.getTime() + 5 * DAY),
          measures,
        );
      }
      if (plan === "RETURNED")
        await moveTo(
          db,
          item!.id,
          monitor,
          "RETURNED",
          new Date(createdAt.getTime() + 6 * DAY),
          "证明材料不足：未见撤回通知文号，请补充。",
        );
      if (plan === "CLOSED")
        await acceptItem(db, monitor, item!.id, "材料齐全，同意销号。", new Date(createdAt.getTime() + 8 * DAY));
      if (plan === "CLOSED_LATE")
        await acceptItem(db, monitor, item!.id, "逾期完成整改，同意销号。", new Date(now.getTime() - 2 * DAY));
    }
  }
  await escalateOverdueItems(db, now);
  return items;
}

export async function demoSessionUser(db: Db, username: string): Promise<SessionUser> {
  const u = await findUserByUsername(db, username);
  if (!u || !isRole(u.role)) throw new Error(`演示账号 ${username} 不存在或角色无效`);
  return {
    id: u.id,
    username,
    name: u.name,
    role: u.role,
    regionCode: u.regionCode,
    departmentId: u.departmentId,
  };
}
