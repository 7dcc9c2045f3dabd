// Storage for 一表通: form field lists, the field dictionary, merge decisions,
// and the reads the overlap analysis needs (forms in force, form demands).
import type { Db, Tx } from "./client";
import { subtreeRange } from "../domain/regions";

export interface FormDefinitionRow {
  id: string;
  regionCode: string;
  formKey: string;
  title: string;
  departmentId: string | null;
  fields: string[];
  source: string;
  version: number;
  createdAt: Date;
}

/** The latest version of each form definition of these counties. */
export async function latestFormDefinitions(db: Db | Tx, countyCodes: string[]): Promise<FormDefinitionRow[]> {
  const rows = await db.formDefinition.findMany({
    where: { regionCode: { in: countyCodes } },
    orderBy: [{ version: "asc" }],
  });
  const latest = new Map<string, FormDefinitionRow>();
  for (const r of rows) latest.set(`${r.regionCode}|${r.formKey}`, { ...r, fields: (r.fields as string[]) ?? [] });
  return [...latest.values()];
}

export async function insertFormDefinition(
  tx: Db | Tx,
  data: Omit<FormDefinitionRow, "id" | "version" | "createdAt"> & { createdById: string | null },
) {
  const last = await tx.formDefinition.findFirst({
    where: { regionCode: data.regionCode, formKey: data.formKey },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return tx.formDefinition.create({ data: { ...data, version: (last?.version ?? 0) + 1 } });
}

export function insertFormDefinitions(
  db: Db | Tx,
  rows: (Omit<FormDefinitionRow, "id" | "version" | "createdAt"> & { createdById: string | null })[],
) {
  return db.formDefinition.createMany({ data: rows.map((r) => ({ ...r, version: 1 })) });
}

/** Latest dictionary entry per (region, field name) for the given regions. */
export async function latestDictionaryEntries(db: Db | Tx, regionCodes: string[]) {
  const rows = await db.fieldDictionaryEntry.findMany({
    where: { regionCode: { in: regionCodes } },
    orderBy: [{ version: "asc" }],
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(`${r.regionCode}|${r.fieldName}`, r);
  return [...latest.values()];
}

export async function insertDictionaryEntry(
  tx: Tx,
  data: { regionCode: string; fieldName: string; itemKey: string | null; createdById: string },
) {
  const last = await tx.fieldDictionaryEntry.findFirst({
    where: { regionCode: data.regionCode, fieldName: data.fieldName },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return tx.fieldDictionaryEntry.create({ data: { ...data, version: (last?.version ?? 0) + 1 } });
}

export function dictionaryHistory(db: Db, regionCodes: string[], fieldName: string) {
  return db.fieldDictionaryEntry.findMany({
    where: { regionCode: { in: regionCodes }, fieldName },
    orderBy: [{ createdAt: "desc" }],
  });
}

export function mergeDecisions(db: Db | Tx, regionCodes: string[]) {
  return db.mergeProposalDecision.findMany({ where: { regionCode: { in: regionCodes } } });
}

export function findMergeDecision(db: Db | Tx, regionCode: string, clusterKey: string) {
  return db.mergeProposalDecision.findUnique({ where: { regionCode_clusterKey: { regionCode, clusterKey } } });
}

export function insertMergeDecision(
  tx: Tx,
  data: {
    regionCode: string;
    clusterKey: string;
    status: string;
    reason: string | null;
    proposal: object;
    admissionRequestId: string | null;
    decidedById: string;
  },
) {
  return tx.mergeProposalDecision.create({ data });
}

/** Form-list catalogue entries of these counties in force at `at`. */
export function formListInForce(db: Db | Tx, countyCodes: string[], at: Date) {
  return db.catalogueItem.findMany({
    where: {
      catalogue: "FORM_LIST",
      regionCode: { in: countyCodes },
      validFrom: { lte: at },
      OR: [{ validTo: null }, { validTo: { gt: at } }],
    },
    select: { id: true, regionCode: true, name: true, departmentId: true, details: true },
  });
}

/** Active form demands in a county's subtree over a period range. */
export function formDemands(db: Db | Tx, countyCode: string, fromPeriod: number, toPeriod: number) {
  return db.burdenRecord.findMany({
    where: {
      kind: "FORM",
      status: "ACTIVE",
      scopeRegionCode: subtreeRange(countyCode),
      period: { gte: fromPeriod, lte: toPeriod },
    },
    select: { title: true, details: true, scopeRegionCode: true, period: true, occurredOn: true, departmentId: true },
  });
}

/** Village-level units of a county with their township. */
export async function villagesOfCounty(db: Db | Tx, countyCode: string) {
  return db.region.findMany({
    where: { level: 5, code: subtreeRange(countyCode) },
    select: { code: true, parentCode: true },
  });
}

export function countiesIn(db: Db | Tx, regionCode: string) {
  return db.region.findMany({
    where: { level: 3, code: subtreeRange(regionCode) },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
}

export function departmentNames(db: Db | Tx, ids: string[]) {
  return db.department.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

export function countVillages(db: Db | Tx, regionCode: string) {
  return db.region.count({ where: { level: 5, code: subtreeRange(regionCode) } });
}
