// The 一表通 analysis of one county: its forms as data items, their pairwise
// overlap and clusters, the repeated-entry burden its villages carry over the
// last twelve months, and what merging each cluster would save.
import type { Db } from "../../db/client";
import {
  departmentNames,
  formDemands,
  formListInForce,
  latestDictionaryEntries,
  latestFormDefinitions,
  mergeDecisions,
  villagesOfCounty,
} from "../../db/formOverlapRepository";
import { FieldDictionary } from "../../domain/formOverlap/dictionary";
import { itemLabel, proposeMerge, type MergeProposalDraft } from "../../domain/formOverlap/mergeProposal";
import { formKeyOf, toFieldList } from "../../domain/formOverlap/normalise";
import { clusterForms, itemWeights, overlapPairs, toItemForm, type ItemForm } from "../../domain/formOverlap/overlap";
import {
  DEFAULT_MINUTES_PER_FIELD_ENTRY,
  entryHours,
  repeatedEntries,
  type Filling,
} from "../../domain/formOverlap/repeatedEntry";
import { ancestorCodesOf, groupByParent } from "../../domain/regions";
import { currentPeriod, scoreSettingsFor } from "../metrics";
import { segment } from "./segmenter";

export interface AnalysedForm {
  key: string;
  title: string;
  departmentId: string | null;
  department: string | null;
  fields: string[];
  items: string[];
  fillings: number;
  repeatedEntries: number;
  planned: boolean;
}

export interface ClusterView extends MergeProposalDraft {
  savedEntries: number;
  savedHours: number;
  savedFillings: number;
  meanScore: number;
  decision: { status: string; reason: string | null; admissionRequestId: string | null; decidedAt: Date } | null;
}

export interface CountyAnalysis {
  countyCode: string;
  villages: number;
  minutesPerFieldEntry: number;
  forms: AnalysedForm[];
  formsWithoutFields: string[];
  pairs: { a: string; b: string; score: number; shared: string[] }[];
  clusters: ClusterView[];
  entries: number;
  repeatedEntries: number;
  repeatedHours: number;
  topItems: { itemKey: string; label: string; forms: number }[];
  dictionary: FieldDictionary;
}

/** The twelve months ending with the current one, as yyyymm bounds. */
export function analysisWindow(now = new Date()): { from: number; to: number; periods: number[] } {
  const periods: number[] = [];
  for (let back = 11; back >= 0; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    periods.push(d.getUTCFullYear() * 100 + d.getUTCMonth() + 1);
  }
  return { from: periods[0]!, to: currentPeriod(now), periods };
}

/** Monitors' dictionary entries from the nearest region outwards, so the nearest wins. */
export async function dictionaryFor(db: Db, regionCode: string): Promise<FieldDictionary> {
  const chain = ["", ...ancestorCodesOf(regionCode), regionCode];
  const entries = await latestDictionaryEntries(db, chain);
  entries.sort((a, b) => a.regionCode.length - b.regionCode.length);
  return new FieldDictionary(
    segment,
    entries.map((e) => ({ fieldName: e.fieldName, itemKey: e.itemKey })),
  );
}

export async function minutesPerFieldEntry(db: Db, regionCode: string): Promise<number> {
  const minutes = (await scoreSettingsFor(db, regionCode)).minutes as unknown as Record<string, number | undefined>;
  return minutes.FIELD_ENTRY ?? DEFAULT_MINUTES_PER_FIELD_ENTRY;
}

interface FormDraft {
  title: string;
  departmentId: string | null;
  fields: string[];
  allowedPerYear: number | null;
  demands: number;
}

async function collectForms(db: Db, countyCode: string, now: Date, window: { from: number; to: number }) {
  const [listed, demands, definitions] = await Promise.all([
    formListInForce(db, [countyCode], now),
    formDemands(db, countyCode, window.from, window.to),
    latestFormDefinitions(db, [countyCode]),
  ]);
  const forms = new Map<string, FormDraft>();
  const draft = (title: string) => {
    const key = formKeyOf(title);
    let f = forms.get(key);
    if (!f) {
      f = { title, departmentId: null, fields: [], allowedPerYear: null, demands: 0 };
      forms.set(key, f);
    }
    return f;
  };
  for (const item of listed) {
    const f = draft(item.name);
    const details = (item.details ?? {}) as Record<string, unknown>;
    f.departmentId ??= item.departmentId;
    f.allowedPerYear = typeof details.allowedPerYear === "number" ? details.allowedPerYear : 1;
    if (!f.fields.length) f.fields = toFieldList(details.fields);
  }
  for (const d of demands) {
    const f = draft(d.title);
    f.demands++;
    f.departmentId ??= d.departmentId;
    if (!f.fields.length) f.fields = toFieldList((d.details as Record<string, unknown> | null)?.fields);
  }
  // A field list a monitor entered or uploaded is the form's list.
  for (const def of definitions) {
    const f = draft(def.title);
    f.fields = def.fields;
    if (def.departmentId) f.departmentId = def.departmentId;
  }
  return { forms, demands };
}

export async function analyseCounty(db: Db, countyCode: string, now = new Date()): Promise<CountyAnalysis> {
  const window = analysisWindow(now);
  const [{ forms, demands }, dictionary, minutes, villages, decisions] = await Promise.all([
    collectForms(db, countyCode, now, window),
    dictionaryFor(db, countyCode),
    minutesPerFieldEntry(db, countyCode),
    villagesOfCounty(db, countyCode),
    mergeDecisions(db, [countyCode]),
  ]);
  const names = new Map(
    (
      await departmentNames(db, [
        ...new Set([...forms.values()].map((f) => f.departmentId).filter((d): d is string => !!d)),
      ])
    ).map((d) => [d.id, d.name]),
  );

  const itemForms: ItemForm[] = [];
  const formsWithoutFields: string[] = [];
  for (const [key, f] of forms) {
    const form = toItemForm({ key, title: f.title, fields: f.fields }, dictionary);
    if (form.items.length) itemForms.push(form);
    else formsWithoutFields.push(f.title);
  }
  const itemsByForm = new Map(itemForms.map((f) => [f.key, f.items]));

  // Fillings on three scopes: the whole county, a township, one village.
  const countyFillings: Filling[] = [];
  const townshipFillings = new Map<string, Filling[]>();
  const villageFillings = new Map<string, Filling[]>();
  const push = (map: Map<string, Filling[]>, code: string, f: Filling) => {
    const list = map.get(code);
    if (list) list.push(f);
    else map.set(code, [f]);
  };
  for (const d of demands) {
    const filling = { formKey: formKeyOf(d.title), period: d.period, order: d.occurredOn.getTime() };
    if (d.scopeRegionCode.length <= 6) countyFillings.push(filling);
    else if (d.scopeRegionCode.length === 9) push(townshipFillings, d.scopeRegionCode, filling);
    else push(villageFillings, d.scopeRegionCode, filling);
  }
  // A listed form nobody recorded a demand for is counted at its allowed frequency across the county.
  for (const [key, f] of forms) {
    if (f.demands || !f.allowedPerYear) continue;
    for (let k = 0; k < f.allowedPerYear; k++)
      countyFillings.push({ formKey: key, period: window.periods[Math.floor((k * 12) / f.allowedPerYear)]!, order: k });
  }

  // Villages with the same fillings share one timeline, weighted by how many they are.
  const timelines: { fillings: Filling[]; villages: number }[] = [];
  for (const [township, codes] of groupByParent(villages)) {
    const shared = [...countyFillings, ...(townshipFillings.get(township) ?? [])];
    let plain = 0;
    for (const code of codes) {
      const own = villageFillings.get(code);
      if (own) timelines.push({ fillings: [...shared, ...own], villages: 1 });
      else plain++;
    }
    if (plain) timelines.push({ fillings: shared, villages: plain });
  }

  let entries = 0;
  let repeated = 0;
  const repeatedByForm = new Map<string, number>();
  const fillingsByForm = new Map<string, number>();
  for (const t of timelines) {
    const r = repeatedEntries(t.fillings, itemsByForm);
    entries += r.entries * t.villages;
    repeated += r.repeated * t.villages;
    for (const [k, n] of r.repeatedByForm) repeatedByForm.set(k, (repeatedByForm.get(k) ?? 0) + n * t.villages);
    for (const f of t.fillings) fillingsByForm.set(f.formKey, (fillingsByForm.get(f.formKey) ?? 0) + t.villages);
  }

  const weights = itemWeights(itemForms);
  const pairs = overlapPairs(itemForms, weights, 0.3);
  const decided = new Map(decisions.map((d) => [d.clusterKey, d]));
  const clusters: ClusterView[] = clusterForms(itemForms.length, pairs).map((members) => {
    const keys = new Set(members.map((i) => itemForms[i]!.key));
    const draft = proposeMerge(
      members.map((i) => {
        const form = itemForms[i]!;
        const f = forms.get(form.key)!;
        return {
          key: form.key,
          title: f.title,
          department: f.departmentId ? (names.get(f.departmentId) ?? null) : null,
          items: form.items,
          fillingsPerYear: fillingsByForm.get(form.key) ?? 0,
        };
      }),
      weights,
    );
    let savedEntries = 0;
    let savedFillings = 0;
    for (const t of timelines) {
      const own = t.fillings.filter((f) => keys.has(f.formKey));
      if (!own.length) continue;
      savedEntries += repeatedEntries(own, itemsByForm).repeated * t.villages;
      const perForm = new Map<string, number>();
      for (const f of own) perForm.set(f.formKey, (perForm.get(f.formKey) ?? 0) + 1);
      savedFillings += (own.length - Math.max(...perForm.values())) * t.villages;
    }
    const inside = pairs.filter((p) => keys.has(itemForms[p.a]!.key) && keys.has(itemForms[p.b]!.key));
    const d = decided.get(draft.clusterKey);
    return {
      ...draft,
      savedEntries,
      savedFillings,
      savedHours: entryHours(savedEntries, minutes),
      meanScore: inside.reduce((s, p) => s + p.score, 0) / Math.max(1, inside.length),
      decision: d
        ? { status: d.status, reason: d.reason, admissionRequestId: d.admissionRequestId, decidedAt: d.decidedAt }
        : null,
    };
  });
  clusters.sort((x, y) => y.savedHours - x.savedHours || y.members.length - x.members.length);

  const formCount = new Map<string, number>();
  for (const f of itemForms) for (const i of f.items) formCount.set(i, (formCount.get(i) ?? 0) + 1);
  const topItems = [...formCount]
    .map(([itemKey, n]) => ({ itemKey, label: itemLabel(itemKey), forms: n }))
    .sort((a, b) => b.forms - a.forms || a.label.localeCompare(b.label, "zh-CN"))
    .slice(0, 20);

  return {
    countyCode,
    villages: villages.length,
    minutesPerFieldEntry: minutes,
    forms: itemForms.map((form) => {
      const f = forms.get(form.key)!;
      return {
        key: form.key,
        title: f.title,
        departmentId: f.departmentId,
        department: f.departmentId ? (names.get(f.departmentId) ?? null) : null,
        fields: f.fields,
        items: form.items,
        fillings: fillingsByForm.get(form.key) ?? 0,
        repeatedEntries: repeatedByForm.get(form.key) ?? 0,
        planned: f.demands === 0,
      };
    }),
    formsWithoutFields,
    pairs: pairs.map((p) => ({ a: itemForms[p.a]!.key, b: itemForms[p.b]!.key, score: p.score, shared: p.shared })),
    clusters,
    entries,
    repeatedEntries: repeated,
    repeatedHours: entryHours(repeated, minutes),
    topItems,
    dictionary,
  };
}
