import type { Db } from "../db/client";
import { insertAudit } from "../db/auditRepository";
import { recordsForReclassification, setClassification } from "../db/burdenRepository";
import { accumulate, recordsFilter } from "../db/metricRepository";
import { evaluateAfterWrites } from "./alerts/alertEvaluation";
import { findCatalogueItemsInSubtree, findCatalogueItemsOwnedBy } from "../db/catalogueSnapshotRepository";
import type { BurdenKind } from "../domain/burdenKinds";
import { CATALOGUE_INFO, type Catalogue } from "../domain/catalogues";
import { buildCatalogueSnapshot, classifyRecord, snapshotCacheKey, type CatalogueSnapshot } from "../domain/classification";
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
  const items = [
    ...(await findCatalogueItemsOwnedBy(db, owners, catalogue)),
    // An empty owner (the national list) means the whole catalogue.
    ...(await findCatalogueItemsInSubtree(db, ownerRegionCode, catalogue)),
  ];
  const snapshots = new Map<string, CatalogueSnapshot>();
  const snapshotFor = (scope: string, date: Date) => {
    const key = snapshotCacheKey(scope, date);
    let snapshot = snapshots.get(key);
    if (!snapshot) snapshots.set(key, (snapshot = buildCatalogueSnapshot(items, scope, date)));
    return snapshot;
  };

  let checked = 0;
  let changed = 0;
  const touched: { scopeRegionCode: string; period: number }[] = [];
  let afterId: string | undefined;
  for (;;) {
    const batch = await recordsForReclassification(db, kind, ownerRegionCode, from, BATCH, afterId);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    const updates = batch.flatMap((record) => {
      const violations = classifyRecord(
        { kind, title: record.title, details: (record.details ?? {}) as Record<string, unknown> },
        snapshotFor(record.scopeRegionCode, record.occurredOn),
      );
      const same = JSON.stringify(violations) === JSON.stringify(record.violations ?? []);
      if (!same) touched.push(record);
      return same ? [] : [{ id: record.id, violations }];
    });
    checked += batch.length;
    if (updates.length) {
      const ids = updates.map((u) => u.id);
      await db.$transaction(async (tx) => {
        await accumulate(tx, recordsFilter(ids), -1);
        for (const u of updates) await setClassification(tx, u.id, u.violations.length > 0, u.violations);
        await accumulate(tx, recordsFilter(ids), 1);
      });
      changed += updates.length;
    }
  }
  await evaluateAfterWrites(db, touched);
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
