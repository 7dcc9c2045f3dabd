// Judging a record as every write path stores it: violations, 待核实 and the
// catalogue item it was judged against, with the scope's place names.
import type { Db } from "../db/client";
import type { StoredJudgement } from "../db/judgementRepository";
import { findRegions } from "../db/regionRepository";
import type { PlaceContext } from "../domain/matching/normalise";
import { ancestorCodesOf } from "../domain/regions";

// Kept apart so the ledger import worker judges rows without loading the database layer.
export { storedJudgement } from "./storedJudgement";

/** What a write stores besides the row: 待核实, the judgement and the matched item. */
export type JudgedFields = Omit<StoredJudgement, "isViolation" | "violations"> & { reviewDecision: string | null };

/** County, township and village names of each scope (they stand for 县/乡/村 in catalogue names). */
export async function placeContexts(db: Db, scopes: readonly string[]): Promise<Map<string, PlaceContext>> {
  const codes = [...new Set(scopes.flatMap((s) => [s, ...ancestorCodesOf(s)]))];
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500)
    for (const r of await findRegions(db, codes.slice(i, i + 500))) names.set(r.code, r.name);
  return new Map(
    scopes.map((scope) => [
      scope,
      {
        county: scope.length >= 6 ? names.get(scope.slice(0, 6)) : undefined,
        township: scope.length >= 9 ? names.get(scope.slice(0, 9)) : undefined,
        village: scope.length >= 12 ? names.get(scope.slice(0, 12)) : undefined,
      },
    ]),
  );
}
