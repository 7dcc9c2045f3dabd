export const KIND_OPTIONS = [
  { value: "WECOM", label: "企业微信群机器人" },
  { value: "DINGTALK", label: "钉钉群机器人" },
  { value: "EMAIL", label: "电子邮件" },
  { value: "WEBHOOK", label: "通用 Webhook（HMAC 签名）" },
] as const;

export const SEVERITY_OPTIONS = [
  { value: "INFO", label: "提示" },
  { value: "WARNING", label: "警告" },
  { value: "CRITICAL", label: "严重" },
] as const;

export const RULE_TYPE_OPTIONS = [
  { value: "VIOLATION", label: "违规即报" },
  { value: "LEVEL", label: "水平阈值" },
  { value: "STATISTICAL", label: "统计异常升高" },
  { value: "PEER_OUTLIER", label: "同级离群" },
  { value: "SILENCE", label: "监测点未报送" },
] as const;

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
