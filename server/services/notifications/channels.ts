import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import {
  contactPointsInSubtree,
  createContactPoint,
  createMessage,
  createPolicy,
  deleteContactPoint,
  deletePolicy,
  findContactPoint,
  findMessage,
  findPolicy,
  messagesOfContactPoints,
  policiesInSubtree,
  updateContactPoint,
  updateMessage,
  updatePolicy,
} from "../../db/notificationRepository";
import { CONTACT_KIND_NAMES, type ContactKind } from "../../domain/notifications";
import { isWithin } from "../../domain/regions";
import { NotFoundError, PermissionError, UserInputError } from "../errors";
import { deliverMessage, type DispatchOptions } from "./dispatcher";
import { outboundRefusal } from "./outbound";
import { sealSecret } from "./secretBox";

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** Checks the address for its kind; returns it normalised. */
export function validTarget(kind: ContactKind, target: string): string {
  const value = target.trim();
  if (kind === "EMAIL") {
    const addresses = value.split(/[,，;；\s]+/).filter(Boolean);
    if (addresses.length === 0) throw new UserInputError("请填写至少一个邮箱地址");
    const bad = addresses.find((a) => !EMAIL.test(a));
    if (bad) throw new UserInputError(`邮箱地址格式不正确：${bad}`);
    return addresses.join(",");
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserInputError(`${CONTACT_KIND_NAMES[kind]}的地址不是有效网址：${value.slice(0, 80)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UserInputError(`${CONTACT_KIND_NAMES[kind]}的地址应以 http:// 或 https:// 开头`);
  return url.toString();
}

export interface ContactPointDto {
  id: string;
  regionCode: string;
  name: string;
  kind: ContactKind;
  kindName: string;
  target: string;
  hasSecret: boolean;
  enabled: boolean;
  createdAt: Date;
}

/** The secret never leaves the server: clients only learn whether one is set. */
export function toContactPointDto(c: {
  id: string;
  regionCode: string;
  name: string;
  kind: string;
  target: string;
  secretCipher: string | null;
  enabled: boolean;
  createdAt: Date;
}): ContactPointDto {
  return {
    id: c.id,
    regionCode: c.regionCode,
    name: c.name,
    kind: c.kind as ContactKind,
    kindName: CONTACT_KIND_NAMES[c.kind as ContactKind] ?? c.kind,
    target: c.target,
    hasSecret: !!c.secretCipher,
    enabled: c.enabled,
    createdAt: c.createdAt,
  };
}

function requireWithin(user: SessionUser, regionCode: string) {
  if (!isWithin(regionCode, user.regionCode)) throw new PermissionError(`区划 ${regionCode} 不在您的管辖范围内`);
}

async function ownContactPoint(db: Db, user: SessionUser, id: string) {
  const contact = await findContactPoint(db, id);
  if (!contact || contact.ownerUserId) throw new NotFoundError("通知渠道不存在");
  requireWithin(user, contact.regionCode);
  return contact;
}

export async function listChannels(db: Db, regionCode: string) {
  const contacts = await contactPointsInSubtree(db, regionCode);
  const policies = await policiesInSubtree(db, regionCode);
  const messages = await messagesOfContactPoints(
    db,
    contacts.map((c) => c.id),
    200,
  );
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return {
    contactPoints: contacts.map(toContactPointDto),
    policies: policies.map((p) => ({
      ...p,
      severities: p.severities.split(",").filter(Boolean),
      ruleTypes: p.ruleTypes.split(",").filter(Boolean),
      contactPointName: names.get(p.contactPointId) ?? "（已删除）",
    })),
    messages: messages.map((m) => ({
      id: m.id,
      contactPointId: m.contactPointId,
      contactPointName: names.get(m.contactPointId) ?? "（已删除）",
      status: m.status,
      alertCount: (m.items as unknown[]).length,
      attempts: m.attempts,
      lastError: m.lastError,
      nextAttemptAt: m.nextAttemptAt,
      sentAt: m.sentAt,
      createdAt: m.createdAt,
      test: m.test,
    })),
  };
}

export interface ContactPointInput {
  id?: string;
  regionCode: string;
  name: string;
  kind: ContactKind;
  target: string;
  /** undefined keeps the stored secret, null removes it. */
  secret?: string | null;
  enabled: boolean;
}

export async function saveContactPoint(db: Db, user: SessionUser, input: ContactPointInput) {
  requireWithin(user, input.regionCode);
  const target = validTarget(input.kind, input.target);
  if (input.kind !== "EMAIL") {
    const refusal = await outboundRefusal(target, { requireResolution: false });
    if (refusal) throw new UserInputError(refusal);
  }
  if (input.kind === "EMAIL" && input.secret)
    throw new UserInputError("邮件渠道不需要签名密钥（邮件服务器由 SMTP_URL 配置）");
  const secretCipher =
    input.secret === undefined
      ? undefined
      : input.secret === null || input.secret === ""
        ? null
        : sealSecret(input.secret);
  const data = {
    regionCode: input.regionCode,
    name: input.name,
    kind: input.kind,
    target,
    enabled: input.enabled,
    ...(secretCipher === undefined ? {} : { secretCipher }),
  };
  const before = input.id ? await ownContactPoint(db, user, input.id) : null;
  const saved = before
    ? await updateContactPoint(db, before.id, data)
    : await createContactPoint(db, { ...data, createdById: user.id });
  const redact = (c: typeof saved | null) => c && { ...toContactPointDto(c), secretCipher: undefined };
  await insertAuditBy(db, user, {
    regionCode: input.regionCode,
    action: before ? "UPDATE" : "CREATE",
    entity: "ContactPoint",
    entityId: saved.id,
    before: redact(before),
    after: redact(saved),
  });
  return toContactPointDto(saved);
}

export async function removeContactPoint(db: Db, user: SessionUser, id: string) {
  const contact = await ownContactPoint(db, user, id);
  await deleteContactPoint(db, id);
  await insertAuditBy(db, user, {
    regionCode: contact.regionCode,
    action: "DELETE",
    entity: "ContactPoint",
    entityId: id,
    before: toContactPointDto(contact),
  });
  return { id };
}

export interface PolicyInput {
  id?: string;
  regionCode: string;
  contactPointId: string;
  severities: string[];
  ruleTypes: string[];
  groupWaitSec: number;
  groupIntervalSec: number;
  repeatIntervalSec: number;
  enabled: boolean;
}

export async function savePolicy(db: Db, user: SessionUser, input: PolicyInput) {
  requireWithin(user, input.regionCode);
  const contact = await ownContactPoint(db, user, input.contactPointId);
  if (!isWithin(input.regionCode, contact.regionCode) && !isWithin(contact.regionCode, input.regionCode))
    throw new UserInputError("通知策略的区划与通知渠道的区划不相关");
  if (input.severities.length === 0) throw new UserInputError("请至少选择一个预警级别");
  const data = {
    ...input,
    id: undefined,
    severities: input.severities.join(","),
    ruleTypes: input.ruleTypes.join(","),
  };
  const before = input.id ? await findPolicy(db, input.id) : null;
  if (input.id && !before) throw new NotFoundError("通知策略不存在");
  if (before) requireWithin(user, before.regionCode);
  const saved = before
    ? await updatePolicy(db, before.id, data)
    : await createPolicy(db, { ...data, createdById: user.id });
  await insertAuditBy(db, user, {
    regionCode: input.regionCode,
    action: before ? "UPDATE" : "CREATE",
    entity: "NotificationPolicy",
    entityId: saved.id,
    before,
    after: saved,
  });
  return saved;
}

export async function removePolicy(db: Db, user: SessionUser, id: string) {
  const policy = await findPolicy(db, id);
  if (!policy) throw new NotFoundError("通知策略不存在");
  requireWithin(user, policy.regionCode);
  await deletePolicy(db, id);
  await insertAuditBy(db, user, {
    regionCode: policy.regionCode,
    action: "DELETE",
    entity: "NotificationPolicy",
    entityId: id,
    before: policy,
  });
  return { id };
}

/** 测试发送: one message now, not retried; the answer says what the receiver said. */
export async function testContactPoint(db: Db, user: SessionUser, id: string, options: DispatchOptions = {}) {
  const contact = await findContactPoint(db, id);
  if (!contact) throw new NotFoundError("通知渠道不存在");
  if (contact.ownerUserId ? contact.ownerUserId !== user.id : !isWithin(contact.regionCode, user.regionCode))
    throw new PermissionError("无权测试此通知渠道");
  const now = options.now ?? new Date();
  const message = await createMessage(db, {
    contactPointId: id,
    status: "PENDING",
    items: [],
    sendAfter: now,
    nextAttemptAt: now,
    test: true,
    lockedUntil: new Date(now.getTime() + 60_000),
  });
  const outcome = await deliverMessage(db, message, { ...options, now });
  return { ok: outcome.ok, error: outcome.error };
}

/** A dead letter sent again from the page, with a fresh count of attempts. */
export async function retryMessage(db: Db, user: SessionUser, id: string) {
  const message = await findMessage(db, id);
  if (message?.status !== "DEAD") throw new NotFoundError("只能重新发送已进入死信状态的消息");
  await ownContactPoint(db, user, message.contactPointId);
  await updateMessage(db, id, { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null });
  return { id };
}
