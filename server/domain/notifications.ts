// Notification channels (domain.md §11): which alerts go where, how a grouped
// message reads, how receivers verify it, and when a failed send is retried.
// Pure: no I/O, the clock is always passed in.
import { createHmac } from "node:crypto";
import { RULE_TYPE_NAMES, SEVERITY_NAMES, type RuleType, type Severity } from "./alerts";

export const CONTACT_KINDS = ["WECOM", "DINGTALK", "EMAIL", "WEBHOOK"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_NAMES: Record<ContactKind, string> = {
  WECOM: "企业微信群机器人",
  DINGTALK: "钉钉群机器人",
  EMAIL: "电子邮件",
  WEBHOOK: "通用 Webhook（HMAC 签名）",
};

/** Event types that reach people away from the browser; the rest are bookkeeping. */
export const NOTIFIED_EVENT_TYPES = ["FIRING", "REOPENED", "ESCALATED", "RESOLVED"] as const;
export const EVENT_TYPE_NAMES: Record<string, string> = {
  FIRING: "告警",
  REOPENED: "重新打开",
  ESCALATED: "已升级",
  RESOLVED: "已恢复",
  REPEAT: "仍未签收",
  TEST: "测试",
};

export function isNotifiedEvent(type: string): boolean {
  return (NOTIFIED_EVENT_TYPES as readonly string[]).includes(type);
}

export interface PolicyCriteria {
  regionCode: string;
  severities: string[];
  ruleTypes: string[];
}

export interface AlertFacts {
  regionCode: string;
  severity: string;
  ruleType: string;
}

/** A policy covers its region and everything below it, for the listed severities and (if any listed) rule kinds. */
export function policyMatches(policy: PolicyCriteria, alert: AlertFacts): boolean {
  if (!alert.regionCode.startsWith(policy.regionCode)) return false;
  if (!policy.severities.includes(alert.severity)) return false;
  return policy.ruleTypes.length === 0 || policy.ruleTypes.includes(alert.ruleType);
}

export function silencedBy(
  silences: readonly { regionCode: string; ruleKey: string | null }[],
  alert: { regionCode: string; ruleKey: string },
): boolean {
  return silences.some((s) => alert.regionCode.startsWith(s.regionCode) && (!s.ruleKey || s.ruleKey === alert.ruleKey));
}

/**
 * When a new group for a contact point may be sent: after the group wait from
 * its first alert, and never sooner than the group interval after the last
 * message sent to it (Alertmanager's group_wait / group_interval).
 */
export function groupSendAfter(
  now: Date,
  groupWaitSec: number,
  groupIntervalSec: number,
  lastSentAt: Date | null,
): Date {
  const wait = now.getTime() + groupWaitSec * 1000;
  const interval = lastSentAt ? lastSentAt.getTime() + groupIntervalSec * 1000 : 0;
  return new Date(Math.max(wait, interval));
}

export const MAX_ATTEMPTS = 6;

/** Exponential backoff with a ceiling: 5 s, 10 s, 20 s … at most 10 minutes. */
export function retryDelayMs(attempts: number, baseMs = 5000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

/** Minutes after local midnight in UTC+8, the zone every user of this product lives in. */
export function chinaMinuteOfDay(at: Date): number {
  return Math.floor((at.getTime() / 60_000 + 8 * 60) % (24 * 60));
}

/**
 * The end of quiet hours if `at` falls inside them (quiet hours may wrap past
 * midnight, 22:00–07:00), otherwise null.
 */
export function quietUntil(at: Date, quietStart: number | null, quietEnd: number | null): Date | null {
  if (quietStart === null || quietEnd === null || quietStart === quietEnd) return null;
  const minute = chinaMinuteOfDay(at);
  const inside =
    quietStart < quietEnd ? minute >= quietStart && minute < quietEnd : minute >= quietStart || minute < quietEnd;
  if (!inside) return null;
  const wait = (quietEnd - minute + 24 * 60) % (24 * 60);
  const startOfMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + wait * 60_000);
}

export interface MessageAlert {
  id: string;
  eventType: string;
  regionName: string;
  ruleName: string;
  ruleType: string;
  severity: string;
  value: number;
  threshold: number | null;
  summary: string;
  period: number;
}

export interface MessageContent {
  title: string;
  markdown: string;
  text: string;
  alerts: (MessageAlert & { link: string; severityName: string; ruleTypeName: string; eventName: string })[];
}

const formatValue = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

/** One message in Chinese listing every alert of a group, each with region, rule, value and a link. */
export function composeMessage(alerts: MessageAlert[], publicUrl: string, test = false): MessageContent {
  const base = publicUrl.replace(/\/+$/, "");
  const items = alerts.map((a) => ({
    ...a,
    link: `${base}/alerts?alert=${encodeURIComponent(a.id)}`,
    severityName: SEVERITY_NAMES[a.severity as Severity] ?? a.severity,
    ruleTypeName: RULE_TYPE_NAMES[a.ruleType as RuleType] ?? a.ruleType,
    eventName: EVENT_TYPE_NAMES[a.eventType] ?? a.eventType,
  }));
  const worst = items.some((a) => a.severity === "CRITICAL")
    ? "严重"
    : items.some((a) => a.severity === "WARNING")
      ? "警告"
      : "提示";
  const title = test
    ? "【减负监测】测试消息"
    : items.length === 1
      ? `【减负监测·${worst}】${items[0]!.regionName}：${items[0]!.ruleName}`
      : `【减负监测·${worst}】${items.length} 条预警`;
  if (test) {
    const body = "这是一条测试消息：通知渠道配置正确，预警将按通知策略发送到这里。";
    return { title, markdown: `### ${title}\n${body}`, text: `${title}\n${body}`, alerts: [] };
  }
  const lines = items.map((a, i) => {
    const threshold = a.threshold === null ? "" : `（阈值 ${formatValue(a.threshold)}）`;
    return {
      md: `${i + 1}. **[${a.severityName}·${a.eventName}] ${a.regionName} · ${a.ruleName}**\n   数值 ${formatValue(a.value)}${threshold}；${a.summary}\n   [查看预警](${a.link})`,
      text: `${i + 1}. [${a.severityName}·${a.eventName}] ${a.regionName} · ${a.ruleName}\n   数值 ${formatValue(a.value)}${threshold}；${a.summary}\n   查看：${a.link}`,
    };
  });
  return {
    title,
    markdown: `### ${title}\n${lines.map((l) => l.md).join("\n")}`,
    text: `${title}\n\n${lines.map((l) => l.text).join("\n")}`,
    alerts: items,
  };
}

/** 钉钉 custom robot signing: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
export function dingTalkSignature(secret: string, timestampMs: number): string {
  return encodeURIComponent(createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64"));
}

/** Generic webhook: hex HMAC-SHA256 of "<timestamp>.<body>", sent as `X-Burden-Signature: sha256=<hex>`. */
export function webhookSignature(secret: string, timestampSec: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestampSec}.${body}`).digest("hex")}`;
}
