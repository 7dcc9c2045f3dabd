// The audit log for people: Chinese field labels, names instead of codes and ids,
// and the affected item named. Pure: the service resolves the names it needs.
import { DETAIL_FIELDS } from "./burdenDetails";
import { BURDEN_KIND_NAMES, isBurdenKind } from "./burdenKinds";
import { RECORD_SOURCE_NAMES } from "./recordSources";
import { SOURCE_NAMES as RECTIFICATION_SOURCE_NAMES } from "./rectification";
import { ROLE_NAMES, isRole } from "./roles";

export const AUDIT_FIELD_LABELS: Record<string, string> = {
  kind: "类别",
  title: "事项名称",
  departmentId: "部门",
  scopeRegionCode: "下达范围",
  regionCode: "区划",
  units: "数量",
  occurredOn: "日期",
  endedOn: "结束日期",
  period: "月份",
  evidence: "佐证",
  details: "明细",
  status: "状态",
  state: "状态",
  isViolation: "是否违规",
  violations: "违规条款",
  reason: "理由",
  note: "备注",
  body: "备注",
  name: "名称",
  username: "用户名",
  role: "角色",
  disabled: "是否停用",
  catalogue: "目录",
  effectiveFrom: "生效日期",
  effectiveTo: "失效日期",
  clause: "条款",
  demanded: "违规要求",
  rectification: "整改要求",
  deadline: "整改期限",
  severity: "级别",
  enterThreshold: "触发阈值",
  exitThreshold: "恢复阈值",
  pendingPeriods: "待定期数",
  enabled: "是否启用",
  weights: "权重",
  minutesPerUnit: "标准工时（分钟）",
  baselinePeriod: "基准月份",
  expiresAt: "截止时间",
  assigneeId: "处理人",
  rows: "行数",
  created: "新增条数",
  duplicates: "重复条数",
  fileName: "文件名",
  source: "来源",
  count: "条数",
};

// Kind-specific detail fields carry the labels of the entry form.
const DETAIL_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(DETAIL_FIELDS).flatMap((specs) => specs.map((f) => [f.key, f.label])),
);

const labelOf = (key: string) =>
  AUDIT_FIELD_LABELS[key] ?? DETAIL_LABELS[key] ?? (isBurdenKind(key) ? BURDEN_KIND_NAMES[key] : key);

// Bookkeeping columns nobody needs to read.
const HIDDEN = new Set([
  "id",
  "createdAt",
  "updatedAt",
  "createdById",
  "updatedById",
  "dedupKey",
  "version",
  "supersededAt",
  "contentHash",
  "passwordHash",
]);

const STATUS_NAMES: Record<string, string> = {
  ACTIVE: "有效",
  WITHDRAWN: "已撤回",
  DRAFT: "草稿",
  PENDING_APPROVAL: "待审批",
  PUBLISHED: "已发布",
  RECTIFIED: "已整改",
  PENDING: "待审批",
  APPROVED: "已批准",
  REJECTED: "已驳回",
  RECEIVED: "待核实",
  CONVERTED: "已转为记录",
};

// Records and rectification items both say where they came from; their codes do not collide.
const SOURCE_LABELS: Record<string, string> = { ...RECTIFICATION_SOURCE_NAMES, ...RECORD_SOURCE_NAMES };

/** Names the service looked up for the ids and codes in a page of audit rows. */
export interface AuditNames {
  departments: Record<string, string>;
  regions: Record<string, string>;
  users: Record<string, string>;
}

const isDateString = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v);

export function formatAuditValue(key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === "") return "—";
  if (key === "departmentId" && typeof value === "string") return names.departments[value] ?? "（部门已删除）";
  if ((key === "regionCode" || key === "scopeRegionCode") && typeof value === "string")
    return names.regions[value] ?? value;
  if ((key === "assigneeId" || key.endsWith("ById")) && typeof value === "string")
    return names.users[value] ?? "（账号已删除）";
  if (key === "kind" && isBurdenKind(value)) return BURDEN_KIND_NAMES[value];
  if (key === "role" && isRole(value)) return ROLE_NAMES[value];
  if (key === "source" && typeof value === "string") return SOURCE_LABELS[value] ?? value;
  if ((key === "status" || key === "state") && typeof value === "string") return STATUS_NAMES[value] ?? value;
  if (key === "violations" && Array.isArray(value)) {
    return value.length
      ? value
          .map((v) =>
            v && typeof v === "object" && "reason" in v ? String((v as { reason: unknown }).reason) : JSON.stringify(v),
          )
          .join("；")
      : "无";
  }
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date || isDateString(value)) {
    const d = new Date(value as string);
    return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  }
  if (key === "period" || key === "baselinePeriod") {
    const p = Number(value);
    if (Number.isInteger(p) && p > 190000) return `${Math.floor(p / 100)}年${p % 100}月`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== null && v !== undefined && v !== "",
    );
    return entries.map(([k, v]) => `${labelOf(k)}：${formatAuditValue(k, v, names)}`).join("，") || "—";
  }
  return String(value);
}

export interface AuditChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Fields that changed (all fields of a creation), labelled and with names in place of ids. */
export function auditChanges(before: unknown, after: unknown, names: AuditNames): AuditChange[] {
  const b = asObject(before);
  const a = asObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({
      key: k,
      label: labelOf(k),
      before: k in b ? formatAuditValue(k, b[k], names) : "—",
      after: k in a ? formatAuditValue(k, a[k], names) : "—",
    }));
}

const ITEM_PAGES: Record<string, string> = {
  BurdenRecord: "/records",
  ImportBatch: "/records",
  AdmissionRequest: "/catalogue",
  CatalogueItem: "/catalogue",
  MonitoringPoint: "/reports",
  DirectReport: "/reports",
  ScoreConfig: "/rankings",
  Rule: "/rules",
  SystemSetting: "/rules",
  User: "/admin/users",
  Silence: "/alerts",
  Alert: "/alerts",
  ExposureCase: "/exposure",
};

/** The affected item in words, and the page where it lives. */
export function auditItem(entity: string, before: unknown, after: unknown): { label: string; href: string | null } {
  const a = { ...asObject(before), ...asObject(after) };
  const text = [a.title, a.name, a.username, a.fileName, a.summary, a.receiptNo].find(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
  const href = ITEM_PAGES[entity] ?? null;
  const withSearch =
    href === "/records" && typeof a.title === "string" ? `/records?text=${encodeURIComponent(a.title)}` : href;
  return { label: text ?? "", href: withSearch };
}
