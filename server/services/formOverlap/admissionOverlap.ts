// During admission review: how much a requested form re-asks what forms
// already in the county's catalogue ask, so the monitor can suggest reuse.
import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { findAdmissionRequest } from "../../db/catalogueRepository";
import { itemLabel } from "../../domain/formOverlap/mergeProposal";
import { toFieldList } from "../../domain/formOverlap/normalise";
import { isSameData, itemWeights, overlapPairs, toItemForm } from "../../domain/formOverlap/overlap";
import { isWithin } from "../../domain/regions";
import { NotFoundError } from "../errors";
import { analyseCounty } from "./analysis";

export async function admissionOverlap(db: Db, user: SessionUser, requestId: string) {
  const request = await findAdmissionRequest(db, requestId);
  if (!request || !isWithin(request.regionCode, user.regionCode))
    throw new NotFoundError("准入申请不存在或不在您的管辖范围内");
  if (request.catalogue !== "FORM_LIST") return { fields: [], matches: [] };
  const fields = toFieldList((request.details as Record<string, unknown> | null)?.fields);
  if (!fields.length) return { fields, matches: [] };
  const analysis = await analyseCounty(db, request.regionCode.slice(0, 6));
  const candidate = toItemForm({ key: "申请", title: request.name, fields }, analysis.dictionary);
  const existing = analysis.forms
    .filter((f) => f.title !== request.name)
    .map((f) => ({ key: f.key, title: f.title, items: f.items }));
  const all = [candidate, ...existing];
  const pairs = overlapPairs(all, itemWeights(all), 0.3).filter((p) => p.a === 0);
  const byKey = new Map(analysis.forms.map((f) => [f.key, f]));
  const matches = pairs
    .sort((x, y) => y.score - x.score)
    .slice(0, 5)
    .map((p) => {
      const form = byKey.get(all[p.b]!.key)!;
      return {
        title: form.title,
        department: form.department,
        score: p.score,
        sharedItems: p.shared.map(itemLabel),
        reuse: isSameData(p),
      };
    });
  return { fields, matches };
}
