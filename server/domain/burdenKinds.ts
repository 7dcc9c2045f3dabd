// The nine burden kinds of domain.md §2.

export const BURDEN_KINDS = [
  "FORM",
  "MATERIAL",
  "WORK_GROUP",
  "PROOF_DEMAND",
  "MECHANISM",
  "SIGNBOARD",
  "CERTIFICATE",
  "TASK",
  "INSPECTION",
] as const;
export type BurdenKind = (typeof BURDEN_KINDS)[number];

export const BURDEN_KIND_NAMES: Record<BurdenKind, string> = {
  FORM: "填报表格",
  MATERIAL: "提供材料",
  WORK_GROUP: "微信工作群/政务APP",
  PROOF_DEMAND: "截图/录像/定位留痕要求",
  MECHANISM: "村级工作机制/专人专岗",
  SIGNBOARD: "挂牌",
  CERTIFICATE: "证明事项",
  TASK: "派交工作事务",
  INSPECTION: "督查检查考核",
};

/** Default standard minutes per unit (domain.md §2); editable per region later. */
export const DEFAULT_MINUTES: Record<BurdenKind, number> = {
  FORM: 60,
  MATERIAL: 90,
  WORK_GROUP: 30,
  PROOF_DEMAND: 30,
  MECHANISM: 240,
  SIGNBOARD: 5,
  CERTIFICATE: 30,
  TASK: 240,
  INSPECTION: 480,
};

export function isBurdenKind(value: unknown): value is BurdenKind {
  return typeof value === "string" && (BURDEN_KINDS as readonly string[]).includes(value);
}
