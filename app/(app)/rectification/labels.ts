import {
  RECTIFICATION_ACTION_NAMES,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_STATE_NAMES,
  RECTIFICATION_STATES,
} from "@/server/domain/rectification";
import { optionsOf } from "../../_components/options";

export const STATE_COLORS: Record<string, string> = {
  OPEN: "orange",
  SUBMITTED: "blue",
  RETURNED: "magenta",
  CLOSED: "green",
};
export const STATE_OPTIONS = optionsOf(RECTIFICATION_STATE_NAMES, RECTIFICATION_STATES);
export const ACTION_OPTIONS = optionsOf(RECTIFICATION_ACTION_NAMES, RECTIFICATION_ACTIONS);
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
