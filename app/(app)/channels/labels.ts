import { optionsOf } from "../../_components/options";
import { RULE_TYPE_NAMES, RULE_TYPES, SEVERITIES, SEVERITY_NAMES } from "@/server/domain/alerts";

export const KIND_OPTIONS = [
  { value: "WECOM", label: "企业微信群机器人" },
  { value: "DINGTALK", label: "钉钉群机器人" },
  { value: "EMAIL", label: "电子邮件" },
  { value: "WEBHOOK", label: "通用 Webhook（HMAC 签名）" },
] as const;

export const SEVERITY_OPTIONS = optionsOf(SEVERITY_NAMES, SEVERITIES);

export const RULE_TYPE_OPTIONS = optionsOf(RULE_TYPE_NAMES, RULE_TYPES);

export const STATUS_TAGS: Record<string, { color: string; label: string }> = {
  GROUPING: { color: "default", label: "分组等待" },
  PENDING: { color: "orange", label: "待发送/重试" },
  SENT: { color: "green", label: "已送达" },
  DEAD: { color: "red", label: "死信（已停止重试）" },
};

export const TARGET_HINTS: Record<string, string> = {
  WECOM: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
  DINGTALK: "https://oapi.dingtalk.com/robot/send?access_token=…",
  EMAIL: "多个邮箱用逗号分隔",
  WEBHOOK: "https://…（POST JSON，X-Burden-Signature 为 HMAC-SHA256 签名）",
};

export const labelOf = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

export const minutesToTime = (m: number | null) =>
  m === null ? null : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
