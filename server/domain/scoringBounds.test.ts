import { describe, expect, it } from "vitest";
import { BURDEN_KINDS } from "./burdenKinds";
import { goalposts, kindScore, monteCarloRanks, type Rates } from "./scoring";

const rates = (over: Partial<Rates>): Rates => ({
  ...(Object.fromEntries(BURDEN_KINDS.map((k) => [k, 0])) as Rates),
  ...over,
});

describe("score goalposts and rank intervals", () => {
  it("a goalpost of 0 does not turn a small positive rate into 100", () => {
    const posts = goalposts([rates({}), rates({}), rates({})]); // nobody had certificates in the baseline
    expect(posts.high.CERTIFICATE).toBe(0);
    expect(kindScore(0.05, "CERTIFICATE", posts)).toBeLessThan(10);
    expect(kindScore(1, "CERTIFICATE", posts)).toBe(100);
    expect(kindScore(0.05, "CERTIFICATE", posts, "minmax")).toBeLessThan(10);
  });

  it("reports Monte Carlo rank intervals as whole ranks", () => {
    const peers = Array.from({ length: 9 }, (_, i) =>
      rates({ FORM: 1 + i * 0.3 + (i % 3) * 0.2, TASK: 2 - i * 0.1, WORK_GROUP: 3 + ((i * 7) % 5) * 0.4 }),
    );
    const intervals = monteCarloRanks(peers, peers, undefined, { replicates: 200 });
    for (const r of intervals) {
      expect(Number.isInteger(r.p5)).toBe(true);
      expect(Number.isInteger(r.p95)).toBe(true);
      expect(r.p5).toBeLessThanOrEqual(r.median);
      expect(r.p95).toBeGreaterThanOrEqual(r.median);
    }
  });
});
