import { describe, expect, it } from "vitest";
import { BURDEN_KINDS } from "./burdenKinds";
import { seededRandom } from "./random";
import {
  competitionRanks,
  compositeScore,
  goalposts,
  monteCarloRanks,
  type Normalisation,
  percentile,
  type Rates,
  type Weights,
} from "./scoring";

/** The replicate loop as statistics.md §7 states it: every replicate scores every unit from scratch. */
function referenceRanks(rates: Rates[], baseline: Rates[], weights: Weights, replicates: number, seed: number) {
  const random = seededRandom(seed);
  const posts = { 0.95: goalposts(baseline, 0.95), 0.99: goalposts(baseline, 0.99) };
  const methods: Normalisation[] = ["goalposts", "minmax", "percentileRank"];
  const ranks: number[][] = rates.map(() => []);
  for (let r = 0; r < replicates; r += 1) {
    const w = Object.fromEntries(BURDEN_KINDS.map((k) => [k, weights[k] * (1 + (random() * 0.5 - 0.25))])) as Weights;
    const p = random() < 0.5 ? posts[0.95] : posts[0.99];
    const method = methods[Math.floor(random() * methods.length)]!;
    const scores = rates.map((rate) => compositeScore(rate, p, w, method).score);
    competitionRanks(scores).forEach((rank, i) => {
      ranks[i]!.push(rank);
    });
  }
  return ranks.map((list) => ({
    median: percentile(list, 0.5),
    p5: Math.floor(percentile(list, 0.05)),
    p95: Math.ceil(percentile(list, 0.95)),
  }));
}

describe("Monte Carlo rank intervals", () => {
  it("equal the replicate-by-replicate definition exactly, ties and zero weights included", () => {
    const random = seededRandom(20261130);
    const unit = () => Object.fromEntries(BURDEN_KINDS.map((k) => [k, random() < 0.2 ? 0 : random() * 5])) as Rates;
    for (let run = 0; run < 30; run += 1) {
      const peers = 2 + Math.floor(random() * 20);
      const now = Array.from({ length: peers }, unit);
      // Equal units (ties) and a baseline equal to the period itself both happen in real prefectures.
      if (run % 3 === 0) now[1] = { ...now[0]! };
      const baseline = run % 4 === 0 ? now : Array.from({ length: peers }, unit);
      const weights = Object.fromEntries(BURDEN_KINDS.map((k) => [k, random() < 0.15 ? 0 : random() * 2])) as Weights;
      const replicates = 50 + Math.floor(random() * 500);
      expect(monteCarloRanks(now, baseline, weights, { replicates, seed: run })).toEqual(
        referenceRanks(now, baseline, weights, replicates, run),
      );
    }
  });
});
