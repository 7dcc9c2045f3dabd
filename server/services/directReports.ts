import { createHmac, randomBytes } from "node:crypto";
import { bus } from "../bus";
import type { SessionUser } from "../domain/actor";
import type { Db, Tx } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import { readUpload, storeUpload } from "../db/uploadStore";
import {
  countRecentReports,
  findPointByCodeHash,
  findReport,
  findReportByReceipt,
  insertReport,
  listPointsInSubtree,
  listReportsInSubtree,
  markReportHandled,
  upsertMonitoringPoint,
} from "../db/directReportRepository";
import { findRegions, regionNamer } from "../db/regionRepository";
import { BURDEN_KIND_NAMES, isBurdenKind, type BurdenKind } from "../domain/burdenKinds";
import { photoTypeOf } from "../domain/photos";
import { isWithin, levelOfCode } from "../domain/regions";
import { departmentsServing } from "./departments";
import { NotFoundError, PermissionError, UserInputError } from "./errors";
import type { DirectReportDto, DirectReportStatus } from "./dto/directReports";
import { createBurdenRecord, type RecordInput } from "./records";
import { regionPath } from "./regions";
import { reencodePhoto } from "./photoReencode";
import { InvalidAccessCodeError } from "./accessCodeGuard";

export const REPORTS_PER_HOUR_PER_POINT = 10;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export const REPORT_STATUS_NAMES: Record<string, string> = {
  RECEIVED: "已受理，待核实",
  CONVERTED: "已核实，纳入监测",
  REJECTED: "经核实不予采纳",
};

/** Access codes are stored only as a keyed hash. */
function hashAccessCode(code: string): string {
  return createHmac("sha256", process.env.AUTH_SECRET ?? "dev-only-secret-change-me-in-production-0123456789")
    .update(normaliseAccessCode(code))
    .digest("hex");
}

export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function newAccessCode(): string {
  const bytes = randomBytes(8);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

function newReceiptNo(now = new Date()): string {
  const bytes = randomBytes(6);
  return `ZB${now.toISOString().slice(0, 10).replace(/-/g, "")}${Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("")}`;
}

/** Creates the village's monitoring point or rotates its access code; the code is shown once. */
export async function issueAccessCode(db: Db, user: SessionUser, villageCode: string, fixedCode?: string) {
  if (levelOfCode(villageCode) !== 5) throw new UserInputError("监测点须设在村级单位（12位区划代码）");
  if (!isWithin(villageCode, user.regionCode)) throw new PermissionError(`区划 ${villageCode} 不在您的管辖范围内`);
  const [village] = await findRegions(db, [villageCode]);
  if (!village) throw new NotFoundError(`区划代码 ${villageCode} 不存在`);
  const accessCode = fixedCode ?? newAccessCode();
  const point = await upsertMonitoringPoint(db, villageCode, hashAccessCode(accessCode));
  await insertAuditBy(db, user, {
    regionCode: villageCode,
    action: "ACCESS_CODE_ISSUE",
    entity: "MonitoringPoint",
    entityId: point.id,
  });
  return { villageCode, villageName: village.name, accessCode };
}

export async function listMonitoringPoints(db: Db, regionCode: string) {
  const points = await listPointsInSubtree(db, regionCode);
  const nameOf = await regionNamer(db, points);
  return points.map((p) => ({
    id: p.id,
    regionCode: p.regionCode,
    villageName: nameOf(p.regionCode),
    active: p.active,
    lastReportAt: p.lastReportAt,
    reports: p._count.reports,
  }));
}

async function pointFor(db: Db, accessCode: string) {
  const point = await findPointByCodeHash(db, hashAccessCode(accessCode));
  if (!point?.active) throw new InvalidAccessCodeError();
  return point;
}

/** What the reporting page shows after a valid access code: the village and the departments to name. */
export async function openReportingPoint(db: Db, accessCode: string) {
  const point = await pointFor(db, accessCode);
  const pathNames = await regionPath(db, point.regionCode);
  return {
    villageName: pathNames.map((p) => p.name).join(" / "),
    departments: (await departmentsServing(db, point.regionCode)).map((d) => d.name),
  };
}

export interface ReportInput {
  accessCode: string;
  kind: BurdenKind;
  departmentName: string;
  content: string;
  anonymous: boolean;
  reporterName?: string | null;
  reporterPhone?: string | null;
  photo?: Uint8Array | null;
}

/** Files a report; an anonymous one keeps no name, phone, IP or access code. */
export async function submitDirectReport(db: Db, input: ReportInput, now = new Date()) {
  const point = await pointFor(db, input.accessCode);
  if ((await countRecentReports(db, point.id, new Date(now.getTime() - 3600_000))) >= REPORTS_PER_HOUR_PER_POINT) {
    throw new UserInputError(`本监测点一小时内已提交 ${REPORTS_PER_HOUR_PER_POINT} 条直报，请稍后再试`);
  }
  if (!input.anonymous && !input.reporterName?.trim()) throw new UserInputError("实名反映请填写姓名，或选择匿名反映");
  let photoPath: string | null = null;
  if (input.photo && input.photo.length > 0) {
    if (input.photo.length > MAX_PHOTO_BYTES) throw new UserInputError("照片不能超过 5 MB");
    const type = photoTypeOf(input.photo);
    if (!type) throw new UserInputError("照片须为 JPG 或 PNG 格式");
    const clean = await reencodePhoto(input.photo, type);
    photoPath = storeUpload("reports", clean, type);
  }
  const report = await insertReport(db, {
    receiptNo: newReceiptNo(now),
    pointId: point.id,
    regionCode: point.regionCode,
    anonymous: input.anonymous,
    reporterName: input.anonymous ? null : input.reporterName!.trim(),
    reporterPhone: input.anonymous ? null : input.reporterPhone?.trim() || null,
    kind: input.kind,
    departmentName: input.departmentName.trim(),
    content: input.content.trim(),
    photoPath,
  });
  bus.emit("reports:new", report.regionCode, { id: report.id, regionCode: report.regionCode });
  return { receiptNo: report.receiptNo };
}

/** What a reporter may see with the receipt number: handling, never identity. */
export async function directReportStatus(db: Db, receiptNo: string) {
  const report = await findReportByReceipt(db, receiptNo.trim().toUpperCase());
  if (!report) throw new NotFoundError("未找到该回执编号，请核对后重试");
  return {
    receiptNo: report.receiptNo,
    kindName: BURDEN_KIND_NAMES[report.kind as BurdenKind] ?? report.kind,
    departmentName: report.departmentName,
    status: report.status,
    statusName: REPORT_STATUS_NAMES[report.status] ?? report.status,
    handlingNote: report.handlingNote,
    createdAt: report.createdAt,
    handledAt: report.handledAt,
  };
}

/** Reports for monitors; a reporter's name and phone appear only when they chose to give them. */
export async function listDirectReports(db: Db, regionCode: string, status?: string): Promise<DirectReportDto[]> {
  const reports = await listReportsInSubtree(db, regionCode, status);
  const nameOf = await regionNamer(db, reports);
  return reports.map((r) => ({
    id: r.id,
    receiptNo: r.receiptNo,
    regionCode: r.regionCode,
    villageName: nameOf(r.regionCode),
    // Reports are validated on the way in; a kind unknown today (an old row) is shown as 派交事务.
    kind: isBurdenKind(r.kind) ? r.kind : "TASK",
    departmentName: r.departmentName,
    content: r.content,
    hasPhoto: Boolean(r.photoPath),
    anonymous: r.anonymous,
    reporterName: r.anonymous ? null : r.reporterName,
    reporterPhone: r.anonymous ? null : r.reporterPhone,
    status: r.status as DirectReportStatus,
    handlingNote: r.handlingNote,
    recordId: r.recordId,
    createdAt: r.createdAt,
  }));
}

async function pendingReport(db: Db, user: SessionUser, id: string) {
  const report = await findReport(db, id);
  if (!report || !isWithin(report.regionCode, user.regionCode))
    throw new NotFoundError("直报不存在或不在您的管辖范围内");
  if (report.status !== "RECEIVED") throw new UserInputError("该直报已处理");
  return report;
}

/**
 * Closes a pending report, converted when it became a record and rejected otherwise, and audits
 * who closed it and why: conversion and rejection are the two ways a report is handled.
 */
async function closeReport(
  tx: Tx,
  user: SessionUser,
  report: { id: string; regionCode: string },
  outcome: { recordId?: string; note: string | null },
) {
  const converted = outcome.recordId !== undefined;
  const handled = await markReportHandled(tx, report.id, {
    status: converted ? "CONVERTED" : "REJECTED",
    ...(converted && { recordId: outcome.recordId }),
    handlingNote: outcome.note,
    handledById: user.id,
  });
  await insertAuditBy(tx, user, {
    regionCode: report.regionCode,
    action: converted ? "REPORT_CONVERT" : "REPORT_REJECT",
    entity: "DirectReport",
    entityId: report.id,
    after: outcome,
  });
  return handled;
}

/** A monitor verifies a report and records it as a burden record, in one transaction. */
export async function convertDirectReport(
  db: Db,
  user: SessionUser,
  id: string,
  record: RecordInput,
  note: string | null,
) {
  const report = await pendingReport(db, user, id);
  if (!isWithin(report.regionCode, record.scopeRegionCode))
    throw new UserInputError("转办记录的下达范围须包含该直报所在村");
  return createBurdenRecord(db, user, record, {
    source: "DIRECT_REPORT",
    afterCreate: async (tx, created) => {
      await closeReport(tx, user, report, { recordId: created.id, note });
    },
  });
}

export async function rejectDirectReport(db: Db, user: SessionUser, id: string, note: string) {
  const report = await pendingReport(db, user, id);
  return db.$transaction(async (tx) => {
    const updated = await closeReport(tx, user, report, { note });
    return { id: updated.id, status: updated.status };
  });
}

/** The stored photo of a report, for monitors of its region. */
export async function directReportPhoto(db: Db, user: SessionUser, id: string) {
  const report = await findReport(db, id);
  if (!report || !isWithin(report.regionCode, user.regionCode) || !report.photoPath)
    throw new NotFoundError("照片不存在");
  return {
    bytes: readUpload("reports", report.photoPath),
    type: report.photoPath.endsWith(".png") ? "image/png" : "image/jpeg",
  };
}
