// Form and inspection frequencies by counting (issue #13, domain.md §2): after
// any write, every demand of the same catalogue item in the same year and
// county is judged again with its ordinal, so withdrawing an earlier demand
// clears the later ones and a new earlier one flags them.
import { forgetRecordMonths } from "./recordCounts";
import type { Db } from "../db/client";
import { insertAudit } from "../db/auditRepository";
import { demandsOfItem, setJudgement } from "../db/judgementRepository";
import { accumulate, recordsFilter } from "../db/metricRepository";
import { judgeRecord, snapshotCacheKey, type CatalogueSnapshot } from "../domain/classification";
import type { BurdenKind } from "../domain/burdenKinds";
import { reachingOrdinals } from "../domain/matching/frequency";
import { evaluateAfterWrites } from "./alerts/alertEvaluation";
import { catalogueSnapshotFor } from "./catalogueSnapshot";
import { placeContexts, storedJudgement } from "./judgement";

const COUNTED: ReadonlySet<string> = new Set(["FORM", "INSPECTION"]);

export interface TouchedDemand {
  kind: string;
  catalogueItem?: string | null;
  period: number;
  scopeRegionCode: string;
}

/** Re-judges the demand groups the given records belong to; returns the ids whose flags changed. */
export async function rejudgeFrequencies(
  db: Db,
  touched: readonly TouchedDemand[],
  actor: { id: string; role: string } | null = null,
): Promise<string[]> {
  const groups = new Map<string, { kind: string; item: string; year: number; county: string }>();
  for (const t of touched) {
    if (!COUNTED.has(t.kind) || !t.catalogueItem) continue;
    const group = {
      kind: t.kind,
      item: t.catalogueItem,
      year: Math.floor(t.period / 100),
      county: t.scopeRegionCode.slice(0, 6),
    };
    groups.set(JSON.stringify(group), group);
  }
  const changedIds: string[] = [];
  const changedRecords: { scopeRegionCode: string; period: number }[] = [];
  const snapshots = new Map<string, CatalogueSnapshot>();
  for (const group of groups.values()) {
    const demands = await demandsOfItem(db, group.kind, group.item, group.year, group.county);
    const ordinals = reachingOrdinals(demands);
    const places = await placeContexts(db, [...new Set(demands.map((d) => d.scopeRegionCode))]);
    // Large ledgers repeat the same demand: judge each distinct one (with its ordinal past the allowance) once.
    const judged = new Map<string, ReturnType<typeof storedJudgement>>();
    const updates: { id: string; stored: ReturnType<typeof storedJudgement> }[] = [];
    for (const record of demands) {
      const key = snapshotCacheKey(record.scopeRegionCode, record.occurredOn);
      let snapshot = snapshots.get(key);
      if (!snapshot) {
        snapshot = await catalogueSnapshotFor(db, record.scopeRegionCode, record.occurredOn);
        snapshots.set(key, snapshot);
      }
      const allowed =
        group.kind === "FORM"
          ? snapshot.formList.get(group.item)?.allowedPerYear
          : (snapshot.inspectionTimes?.get(group.item) ?? 1);
      const ordinal = ordinals.get(record.id)!;
      const over = allowed === undefined || ordinal > allowed ? ordinal : 0;
      const cacheKey = JSON.stringify([
        key,
        record.scopeRegionCode,
        record.title,
        record.details,
        record.reviewDecision,
        over,
      ]);
      let stored = judged.get(cacheKey);
      if (!stored) {
        const input = {
          kind: record.kind as BurdenKind,
          title: record.title,
          details: (record.details ?? {}) as Record<string, unknown>,
          places: places.get(record.scopeRegionCode),
          demandOrdinal: ordinal,
          reviewDecision: record.reviewDecision,
        };
        stored = storedJudgement(judgeRecord(input, snapshot));
        judged.set(cacheKey, stored);
      }
      const same =
        JSON.stringify(stored.violations) === JSON.stringify(record.violations ?? []) &&
        JSON.stringify(stored.reviews) === JSON.stringify(record.reviews ?? []) &&
        JSON.stringify(stored.judgement) === JSON.stringify(record.judgement ?? null);
      if (!same) updates.push({ id: record.id, stored });
    }
    if (updates.length === 0) continue;
    const ids = updates.map((u) => u.id);
    await db.$transaction(async (tx) => {
      await accumulate(tx, recordsFilter(ids), -1);
      for (const u of updates) await setJudgement(tx, u.id, u.stored);
      await accumulate(tx, recordsFilter(ids), 1);
      await insertAudit(tx, {
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        regionCode: group.county,
        action: "RECLASSIFY",
        entity: "BurdenRecord",
        after: {
          reason: "按实际下达次数重新判定频次",
          kind: group.kind,
          item: group.item,
          year: group.year,
          changed: ids,
        },
      });
    });
    changedIds.push(...ids);
    const changed = demands.filter((d) => ids.includes(d.id));
    forgetRecordMonths(
      db,
      changed.map((d) => d.period),
    );
    changedRecords.push(...changed);
  }
  if (changedRecords.length) await evaluateAfterWrites(db, changedRecords);
  return changedIds;
}
