// Form field lists and the field dictionary, as monitors edit them. Every
// save is a new version with an audit entry.
import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import { dictionaryHistory, insertDictionaryEntry, insertFormDefinition } from "../../db/formOverlapRepository";
import { DATA_ITEM_BY_KEY, DATA_ITEMS } from "../../domain/formOverlap/dataItems";
import { formKeyOf, normaliseFieldName, parseFieldList } from "../../domain/formOverlap/normalise";
import { ancestorCodesOf, isWithin, levelOfCode } from "../../domain/regions";
import { PermissionError, UserInputError } from "../errors";
import { analyseCounty } from "./analysis";

function assertCounty(user: SessionUser, countyCode: string) {
  if (levelOfCode(countyCode) !== 3) throw new UserInputError("表格目录按县级区划管理，请选择一个县（市、区）");
  if (!isWithin(countyCode, user.regionCode)) throw new PermissionError(`区划 ${countyCode} 不在您的管辖范围内`);
}

export async function saveFormFields(
  db: Db,
  user: SessionUser,
  input: { countyCode: string; title: string; fields: string[]; source: "LIST" | "LEDGER" | "UPLOAD" },
) {
  assertCounty(user, input.countyCode);
  const title = input.title.trim();
  if (!formKeyOf(title)) throw new UserInputError("请填写表格名称");
  const fields = parseFieldList(input.fields.join("\n"));
  if (!fields.length) throw new UserInputError("请至少填写一个字段");
  const tooLong = fields.find((f) => f.length > 50);
  if (tooLong) throw new UserInputError(`字段“${tooLong.slice(0, 20)}…”超过50个字`);
  return db.$transaction(async (tx) => {
    const saved = await insertFormDefinition(tx, {
      regionCode: input.countyCode,
      formKey: formKeyOf(title),
      title,
      departmentId: null,
      fields,
      source: input.source,
      createdById: user.id,
    });
    await insertAuditBy(tx, user, {
      regionCode: input.countyCode,
      action: "FORM_FIELDS",
      entity: "FormDefinition",
      entityId: saved.id,
      after: saved,
    });
    return saved;
  });
}

/** Every field name the county's forms use, with its mapping; unmapped ones first for the monitor to decide. */
export async function dictionaryView(db: Db, user: SessionUser, countyCode: string) {
  assertCounty(user, countyCode);
  const analysis = await analyseCounty(db, countyCode);
  const byName = new Map<string, { field: string; forms: string[] }>();
  for (const f of analysis.forms) {
    for (const field of f.fields) {
      const entry = byName.get(field) ?? { field, forms: [] };
      entry.forms.push(f.title);
      byName.set(field, entry);
    }
  }
  const order = { UNMAPPED: 0, UNIQUE: 1, MAPPED: 2, STRUCTURAL: 3 } as const;
  const rows = [...byName.values()].map(({ field, forms }) => {
    const m = analysis.dictionary.map(field);
    return {
      field,
      normalised: m.normalised,
      status: m.status,
      method: m.method,
      itemKey: m.itemKey,
      itemLabel: m.itemKey ? (DATA_ITEM_BY_KEY.get(m.itemKey)?.label ?? m.itemKey) : null,
      suggestion: m.suggestion ? (DATA_ITEM_BY_KEY.get(m.suggestion)?.label ?? null) : null,
      suggestionKey: m.suggestion,
      forms,
    };
  });
  rows.sort(
    (a, b) =>
      order[a.status] - order[b.status] || b.forms.length - a.forms.length || a.field.localeCompare(b.field, "zh-CN"),
  );
  return { rows, items: DATA_ITEMS.map((i) => ({ key: i.key, label: i.label, group: i.group })) };
}

/** Maps a field name to a data item, or marks it a data item of its own (itemKey null). */
export async function setFieldMapping(
  db: Db,
  user: SessionUser,
  input: { regionCode: string; fieldName: string; itemKey: string | null },
) {
  if (!isWithin(input.regionCode, user.regionCode))
    throw new PermissionError(`区划 ${input.regionCode} 不在您的管辖范围内`);
  const fieldName = normaliseFieldName(input.fieldName);
  if (!fieldName) throw new UserInputError("请填写字段名称");
  if (input.itemKey !== null && !DATA_ITEM_BY_KEY.has(input.itemKey))
    throw new UserInputError(`数据项“${input.itemKey}”不存在`);
  const before = (await dictionaryHistory(db, [input.regionCode], fieldName))[0] ?? null;
  return db.$transaction(async (tx) => {
    const saved = await insertDictionaryEntry(tx, {
      regionCode: input.regionCode,
      fieldName,
      itemKey: input.itemKey,
      createdById: user.id,
    });
    await insertAuditBy(tx, user, {
      regionCode: input.regionCode,
      action: "FIELD_MAPPING",
      entity: "FieldDictionaryEntry",
      entityId: saved.id,
      before,
      after: saved,
    });
    return saved;
  });
}

export function fieldMappingHistory(db: Db, regionCode: string, fieldName: string) {
  return dictionaryHistory(db, ["", ...ancestorCodesOf(regionCode), regionCode], normaliseFieldName(fieldName));
}
