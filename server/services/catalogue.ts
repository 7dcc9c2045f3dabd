import type { SessionUser } from "../domain/actor";
import type { Db, Tx } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import {
  closeVersion,
  insertCatalogueItem,
  latestVersion,
  listCatalogueVersions,
  listItemVersions,
} from "../db/catalogueRepository";
import { findCatalogueItemsInSubtree } from "../db/catalogueSnapshotRepository";
import { findDepartmentById, findDepartmentsByIds } from "../db/departmentRepository";
import { regionNames } from "../db/regionRepository";
import { schemaOfFields } from "../domain/burdenDetails";
import { CATALOGUE_FIELDS, CATALOGUE_INFO, itemKeyFor, type Catalogue } from "../domain/catalogues";
import { ancestorCodesOf, isWithin, levelOfCode, LEVEL_NAMES } from "../domain/regions";
import { type CatalogueEntryDto, type CatalogueVersionDto, detailsOf, toCatalogueVersionDto } from "./dto/catalogue";
import { PermissionError, UserInputError } from "./errors";
import { reclassifyAfterCatalogueChange } from "./reclassify";
import { reachableFrom } from "./references";

export interface CatalogueEntryInput {
  catalogue: Catalogue;
  ownerRegionCode: string;
  name: string;
  details: Record<string, unknown>;
  departmentId?: string | null;
  validFrom: Date;
}

/** Current entries governing a region: those of the regions above it and those owned inside it. */
export async function listCatalogue(
  db: Db,
  catalogue: Catalogue,
  regionCode: string,
  onDate = new Date(),
): Promise<CatalogueEntryDto[]> {
  const owners = [...ancestorCodesOf(regionCode), regionCode];
  const versions = [
    ...(await listCatalogueVersions(db, catalogue, ["", ...owners])).map(({ department: _d, ...v }) => v),
    ...(await findCatalogueItemsInSubtree(db, regionCode, catalogue)).filter((i) => i.regionCode !== regionCode),
  ];
  const byKey = new Map<string, { latest: (typeof versions)[number]; versions: number }>();
  for (const v of versions) {
    const seen = byKey.get(v.itemKey);
    if (!seen) byKey.set(v.itemKey, { latest: v, versions: 1 });
    else {
      seen.versions += 1;
      if (v.version > seen.latest.version) seen.latest = v;
    }
  }
  const namesByCode = await regionNames(
    db,
    versions.map((v) => v.regionCode),
  );
  const departmentIds = [...new Set(versions.map((v) => v.departmentId).filter((id): id is string => Boolean(id)))];
  const departmentNames = new Map((await findDepartmentsByIds(db, departmentIds)).map((d) => [d.id, d.name]));
  return [...byKey.values()]
    .map(({ latest, versions: count }) => ({
      id: latest.id,
      itemKey: latest.itemKey,
      name: latest.name,
      version: latest.version,
      versions: count,
      ownerRegionCode: latest.regionCode,
      ownerName: latest.regionCode === "" ? "全国" : (namesByCode.get(latest.regionCode) ?? latest.regionCode),
      departmentName: latest.departmentId ? (departmentNames.get(latest.departmentId) ?? null) : null,
      details: detailsOf(latest.details),
      validFrom: latest.validFrom,
      validTo: latest.validTo,
      inForce: latest.validFrom <= onDate && (!latest.validTo || latest.validTo > onDate),
    }))
    .sort((a, b) => a.ownerRegionCode.localeCompare(b.ownerRegionCode) || a.name.localeCompare(b.name, "zh-CN"));
}

function checkOwner(user: SessionUser, catalogue: Catalogue, ownerRegionCode: string) {
  const info = CATALOGUE_INFO[catalogue];
  const level = levelOfCode(ownerRegionCode);
  if (level === null || !info.ownerLevels.includes(level)) {
    throw new UserInputError(`${info.name}只能由${info.ownerLevels.map((l) => LEVEL_NAMES[l]).join("或")}设定`);
  }
  if (!isWithin(ownerRegionCode, user.regionCode))
    throw new PermissionError(`区划 ${ownerRegionCode} 不在您的管辖范围内`);
}

function validDetails(catalogue: Catalogue, details: Record<string, unknown>) {
  const parsed = schemaOfFields(CATALOGUE_FIELDS[catalogue]).safeParse(details);
  if (!parsed.success)
    throw new UserInputError(`目录信息有误：${parsed.error.issues.map((i) => i.message).join("；")}`);
  return parsed.data as Record<string, unknown>;
}

/** Writes the next version of an entry inside `tx`; the previous version ends where this one starts. */
async function writeVersion(tx: Tx, user: SessionUser, input: CatalogueEntryInput) {
  const itemKey = itemKeyFor(input.catalogue, input.ownerRegionCode, input.name);
  const previous = await latestVersion(tx, itemKey);
  if (previous) {
    if (previous.validFrom >= input.validFrom)
      throw new UserInputError(`生效日期须晚于当前版本的生效日期（${previous.validFrom.toISOString().slice(0, 10)}）`);
    if (!previous.validTo || previous.validTo > input.validFrom) await closeVersion(tx, previous.id, input.validFrom);
  }
  const item = await insertCatalogueItem(tx, {
    catalogue: input.catalogue,
    itemKey,
    version: (previous?.version ?? 0) + 1,
    regionCode: input.ownerRegionCode,
    name: input.name.trim(),
    departmentId: input.departmentId ?? null,
    details: input.details,
    validFrom: input.validFrom,
    createdById: user.id,
  });
  await insertAuditBy(tx, user, {
    regionCode: input.ownerRegionCode,
    action: previous ? "CATALOGUE_UPDATE" : "CATALOGUE_CREATE",
    entity: "CatalogueItem",
    entityId: item.id,
    before: previous,
    after: item,
  });
  return item;
}

async function prepare(db: Db, user: SessionUser, input: CatalogueEntryInput): Promise<CatalogueEntryInput> {
  checkOwner(user, input.catalogue, input.ownerRegionCode);
  if (input.departmentId) {
    const department = await findDepartmentById(db, input.departmentId);
    if (!department || !reachableFrom(user.regionCode, department.regionCode))
      throw new UserInputError("所属部门不存在或不属于您的管辖范围");
  }
  return { ...input, name: input.name.trim(), details: validDetails(input.catalogue, input.details) };
}

export async function saveCatalogueEntry(db: Db, user: SessionUser, input: CatalogueEntryInput) {
  const prepared = await prepare(db, user, input);
  const item = await db.$transaction((tx) => writeVersion(tx, user, prepared));
  const reclassified = await reclassifyAfterCatalogueChange(
    db,
    input.catalogue,
    input.ownerRegionCode,
    input.validFrom,
    user,
  );
  return { item: toCatalogueVersionDto(item), reclassified };
}

export async function retireCatalogueEntry(db: Db, user: SessionUser, itemKey: string, validTo: Date) {
  const current = await latestVersion(db, itemKey);
  if (!current) throw new UserInputError("目录条目不存在");
  checkOwner(user, current.catalogue as Catalogue, current.regionCode);
  if (validTo <= current.validFrom) throw new UserInputError("停用日期须晚于生效日期");
  if (current.validTo && current.validTo <= validTo) throw new UserInputError("该条目在此日期前已停用");
  await db.$transaction(async (tx) => {
    await closeVersion(tx, current.id, validTo);
    await insertAuditBy(tx, user, {
      regionCode: current.regionCode,
      action: "CATALOGUE_RETIRE",
      entity: "CatalogueItem",
      entityId: current.id,
      before: current,
      after: { ...current, validTo },
    });
  });
  return reclassifyAfterCatalogueChange(db, current.catalogue as Catalogue, current.regionCode, validTo, user);
}

export async function catalogueEntryHistory(
  db: Db,
  user: SessionUser,
  itemKey: string,
): Promise<CatalogueVersionDto[]> {
  const versions = await listItemVersions(db, itemKey);
  const owner = versions[0]?.regionCode;
  if (owner === undefined) throw new UserInputError("目录条目不存在");
  if (owner !== "" && !isWithin(owner, user.regionCode) && !isWithin(user.regionCode, owner))
    throw new PermissionError("该目录条目不在您的管辖范围内");
  return versions.map(toCatalogueVersionDto);
}

export { writeVersion as writeCatalogueVersion, prepare as prepareCatalogueEntry };
