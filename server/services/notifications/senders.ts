import nodemailer from "nodemailer";
import { outboundRefusal } from "./outbound";
import { dingTalkSignature, webhookSignature, type ContactKind, type MessageContent } from "../../domain/notifications";

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://…; from SMTP_URL. */
  url: string;
  from: string;
}

export function smtpFromEnv(): SmtpSettings | null {
  const url = process.env.SMTP_URL;
  return url ? { url, from: process.env.SMTP_FROM ?? "减负监测 <burden-monitor@localhost>" } : null;
}

export interface Destination {
  kind: ContactKind;
  target: string;
  secret: string | null;
}

export interface SendContext {
  idempotencyKey: string;
  regionCode: string;
  now: Date;
  smtp: SmtpSettings | null;
}

const TIMEOUT_MS = 10_000;
// 企业微信 rejects markdown over 4096 bytes; a long group is cut with a pointer to the page.
const WECOM_MAX_BYTES = 4000;

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let cut = text;
  while (Buffer.byteLength(cut) > maxBytes - 60) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return `${cut}\n……（内容过长，其余预警请在系统中查看）`;
}

async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const refusal = await outboundRefusal(url, { requireResolution: true });
  if (refusal) throw new Error(refusal);
  const response = await fetch(url, {
    // A redirect would lead past the check above.
    redirect: "error",
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`接收方返回 HTTP ${response.status}：${text.slice(0, 200)}`);
  return text;
}

/** Chat robots answer HTTP 200 with a non-zero errcode on failure. */
function checkRobotAnswer(text: string, who: string) {
  let answer: { errcode?: number; errmsg?: string };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error(`${who}返回的不是 JSON：${text.slice(0, 200)}`);
  }
  if (answer.errcode !== 0) throw new Error(`${who}返回错误 ${answer.errcode ?? "?"}：${answer.errmsg ?? ""}`);
}

/** Sends one message; throws with a Chinese reason when the receiver refuses or cannot be reached. */
export async function send(destination: Destination, content: MessageContent, context: SendContext): Promise<void> {
  switch (destination.kind) {
    case "WECOM": {
      const text = await postJson(
        destination.target,
        JSON.stringify({
          msgtype: "markdown",
          markdown: { content: truncateBytes(content.markdown, WECOM_MAX_BYTES) },
        }),
      );
      return checkRobotAnswer(text, "企业微信");
    }
    case "DINGTALK": {
      let url = destination.target;
      if (destination.secret) {
        // Receivers check signatures against their own clock, so they are signed with the wall clock, not the scheduler's.
        const timestamp = Date.now();
        url += `${url.includes("?") ? "&" : "?"}timestamp=${timestamp}&sign=${dingTalkSignature(destination.secret, timestamp)}`;
      }
      const text = await postJson(
        url,
        JSON.stringify({ msgtype: "markdown", markdown: { title: content.title, text: content.markdown } }),
      );
      return checkRobotAnswer(text, "钉钉");
    }
    case "WEBHOOK": {
      const body = JSON.stringify({
        idempotencyKey: context.idempotencyKey,
        regionCode: context.regionCode,
        title: content.title,
        text: content.text,
        alerts: content.alerts,
        sentAt: context.now.toISOString(),
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        "idempotency-key": context.idempotencyKey,
        "x-burden-timestamp": String(timestamp),
      };
      if (destination.secret) headers["x-burden-signature"] = webhookSignature(destination.secret, timestamp, body);
      await postJson(destination.target, body, headers);
      return;
    }
    case "EMAIL": {
      if (!context.smtp) throw new Error("未配置邮件服务器（SMTP_URL），无法发送邮件");
      const transport = nodemailer.createTransport(context.smtp.url, {
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      } as never);
      try {
        await transport.sendMail({
          from: context.smtp.from,
          to: destination.target,
          subject: content.title,
          text: content.text,
          // The message id doubles as the idempotency key: a mail client or archive drops a resent duplicate.
          messageId: `<${context.idempotencyKey}@burden-monitor>`,
          headers: { "X-Idempotency-Key": context.idempotencyKey },
        });
      } finally {
        transport.close();
      }
      return;
    }
  }
}
