import { forgetRecordMonths } from "./recordCounts";
import type { Db } from "../db/client";
import { insertAudit } from "../db/auditRepository";
import { recordsForReclassification } from "../db/burdenRepository";
import { setJudgement } from "../db/judgementRepository";
import { accumulate, recordsFilter } from "../db/metricRepository";
import { evaluateAfterWrites } from "./alerts/alertEvaluation";
import { findCatalogueItemsInSubtree, findCatalogueItemsOwnedBy } from "../db/catalogueSnapshotRepository";
import type { BurdenKind } from "../domain/burdenKinds";
import { CATALOGUE_INFO, type Catalogue } from "../domain/catalogues";
import {
  buildCatalogueSnapshot,
  judgeRecord,
  snapshotCacheKey,
  type CatalogueItemLike,
  type CatalogueSnapshot,
} from "../domain/classification";
import { rejudgeFrequencies } from "./frequency";
import { placeContexts, storedJudgement } from "./judgement";
import { ancestorCodesOf } from "../domain/regions";

const BATCH = 2000;

export interface ReclassifyResult {
  checked: number;
  changed: number;
}

/**
 * After a catalogue owned by `ownerRegionCode` changes from `from` on, checks
 * again every record it governs and rewrites the flags that changed.
 */
export async function reclassifyAfterCatalogueChange(
  db: Db,
  catalogue: Catalogue,
  ownerRegionCode: string,
  from: Date,
  actor: { id: string; role: string } | null,
): Promise<ReclassifyResult> {
  const kind: BurdenKind = CATALOGUE_INFO[catalogue].governs;
  const owners = ownerRegionCode ? [...ancestorCodesOf(ownerRegionCode), ownerRegionCode] : [];
  // Confirmed synonyms belong to every catalogue's judgement. An empty owner (the national list) means the whole catalogue.
  const items: CatalogueItemLike[] = [];
  for (const name of [catalogue, "SYNONYM"])
    items.push(
      ...(await findCatalogueItemsOwnedBy(db, owners, name)),
      ...(await findCatalogueItemsInSubtree(db, ownerRegionCode, name)),
    );
  const snapshots = new Map<string, CatalogueSnapshot>();
  const snapshotFor = (scope: string, date: Date) => {
    const key = snapshotCacheKey(scope, date);
    let snapshot = snapshots.get(key);
    if (!snapshot) {
      snapshot = buildCatalogueSnapshot(items, scope, date);
      snapshots.set(key, snapshot);
    }
    return snapshot;
  };

  let checked = 0;
  let changed = 0;
  const touched: { kind: string; scopeRegionCode: string; period: number; catalogueItem: string | null }[] = [];
  let afterId: string | undefined;
  for (;;) {
    const batch = await recordsForReclassification(db, kind, ownerRegionCode, from, BATCH, afterId);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    const places = await placeContexts(db, [...new Set(batch.map((r) => r.scopeRegionCode))]);
    const updates = batch.flatMap((record) => {
      const stored = storedJudgement(
        judgeRecord(
          {
            kind,
            title: record.title,
            details: (record.details ?? {}) as Record<string, unknown>,
            places: places.get(record.scopeRegionCode),
            reviewDecision: record.reviewDecision,
            demandOrdinal: ((record.judgement ?? {}) as { ordinal?: number }).ordinal,
          },
          snapshotFor(record.scopeRegionCode, record.occurredOn),
        ),
      );
      const same =
        JSON.stringify(stored.violations) === JSON.stringify(record.violations ?? []) &&
        JSON.stringify(stored.reviews) === JSON.stringify(record.reviews ?? []) &&
        stored.catalogueItem === record.catalogueItem;
      if (!same) touched.push(record, { ...record, catalogueItem: stored.catalogueItem });
      return same ? [] : [{ id: record.id, stored }];
    });
    checked += batch.length;
    if (updates.length) {
      const ids = updates.map((u) => u.id);
      await db.$transaction(async (tx) => {
        await accumulate(tx, recordsFilter(ids), -1);
        for (const u of updates) await setJudgement(tx, u.id, u.stored);
        await accumulate(tx, recordsFilter(ids), 1);
      });
      changed += updates.length;
    }
  }
  forgetRecordMonths(
    db,
    touched.map((t) => t.period),
  );
  await evaluateAfterWrites(db, touched);
  // A new or renamed item changes which demands count together: count them again.
  await rejudgeFrequencies(db, touched, actor);
  if (changed > 0) {
    await insertAudit(db, {
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      regionCode: ownerRegionCode,
      action: "RECLASSIFY",
      entity: "BurdenRecord",
      after: { catalogue, from, checked, changed },
    });
  }
  return { checked, changed };
}
