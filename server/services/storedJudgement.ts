import type { StoredJudgement } from "../db/judgementRepository";
import type { Classification } from "../domain/classification";

/** What a write stores of a classification: violations, 待核实 and the matched catalogue item. */
export function storedJudgement(result: Classification): StoredJudgement {
  return {
    isViolation: result.violations.length > 0,
    violations: result.violations,
    needsReview: result.reviews.length > 0,
    reviews: result.reviews,
    judgement: result.judgement,
    catalogueItem: result.judgement?.item ?? null,
  };
}
