import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import { getSetting, setSetting } from "../../db/settingsRepository";
import { DEFAULT_ESCALATION_MINUTES, type Severity } from "../../domain/alerts";
import { PermissionError, UserInputError } from "../errors";

const KEY = "escalationMinutes";

/** Minutes an alert of each severity may stay unacknowledged before it escalates. */
export async function escalationLimits(db: Db): Promise<Record<Severity, number>> {
  const saved = await getSetting(db, KEY);
  return { ...DEFAULT_ESCALATION_MINUTES, ...(saved ? (JSON.parse(saved) as Partial<Record<Severity, number>>) : {}) };
}

export async function saveEscalationLimits(db: Db, user: SessionUser, limits: Record<Severity, number>) {
  if (user.role !== "admin") throw new PermissionError("升级时限为全系统设置，仅系统管理员可修改");
  if (Object.values(limits).some((m) => !Number.isFinite(m) || m < 5 || m > 30 * 24 * 60))
    throw new UserInputError("升级时限须在5分钟至30天之间");
  const before = await escalationLimits(db);
  await setSetting(db, KEY, JSON.stringify(limits));
  await insertAuditBy(db, user, {
    regionCode: user.regionCode,
    action: "ESCALATION_SETTINGS",
    entity: "SystemSetting",
    entityId: KEY,
    before,
    after: limits,
  });
  return limits;
}
