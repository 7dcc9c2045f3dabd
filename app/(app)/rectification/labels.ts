export const STATE_COLORS: Record<string, string> = {
  OPEN: "orange",
  SUBMITTED: "blue",
  RETURNED: "magenta",
  CLOSED: "green",
};
export const STATE_OPTIONS = [
  { value: "OPEN", label: "待整改" },
  { value: "SUBMITTED", label: "已提交" },
  { value: "RETURNED", label: "退回" },
  { value: "CLOSED", label: "已销号" },
];
export const ACTION_OPTIONS = [
  { value: "WITHDRAW", label: "撤回表格/材料/要求" },
  { value: "DISSOLVE", label: "解散工作群/撤销机制" },
  { value: "TAKE_DOWN", label: "摘除牌子" },
  { value: "STOP_CERTIFICATE", label: "停止索要证明" },
  { value: "OTHER", label: "其他整改措施" },
];
export const STEP_NAMES: Record<string, string> = {
  CREATED: "生成事项",
  SUBMITTED: "部门提交整改材料",
  RETURNED: "退回",
  ACCEPTED: "销号",
  EXTENSION_REQUESTED: "申请延期",
  EXTENSION_APPROVED: "批准延期",
  EXTENSION_REJECTED: "驳回延期",
  ESCALATED: "逾期升级",
};
export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`;
