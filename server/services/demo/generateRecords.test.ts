import { describe, expect, it } from "vitest";
import { seededRandom } from "../../domain/random";
import { isStockKind } from "../../domain/stock";
import { generateCountyRecords, lastTwelvePeriods } from "./generateRecords";

// Classification only marks violations; the volumes this test reads do not depend on it.
const catalogue = {
  formList: new Map(),
  registeredGroups: new Set<string>(),
  approvedMechanisms: new Set<string>(),
  signboardStandard: new Set<string>(),
  inspectionPlan: new Set<string>(),
  negativeList: [],
};

describe("demo records", () => {
  it("county-months are over-dispersed around the year's trend, as real counts are", () => {
    const today = new Date(Date.UTC(2026, 10, 30));
    const periods = lastTwelvePeriods(today);
    const random = seededRandom(7);
    const dispersions = Array.from({ length: 30 }, (_, i) => {
      const code = String(220_190 + i);
      const county = {
        code,
        townships: Array.from({ length: 8 }, (_, t) => `${code}${String(t + 1).padStart(3, "0")}`),
        villages: Array.from({ length: 150 }, (_, v) => `${code}${String((v % 8) + 1).padStart(3, "0")}${v}`),
        departments: ["a", "b", "c"],
      };
      const records = generateCountyRecords(county, periods, catalogue, random, today);
      const counts = periods.map((p) => records.filter((r) => r.period === p && !isStockKind(r.kind)).length);
      // Expected counts follow the year's falling trend; the dispersion is measured around it.
      const trend = periods.map((_, m) => 1.3 - (0.5 * m) / 11);
      const scale = counts.reduce((s, y) => s + y, 0) / trend.reduce((s, x) => s + x, 0);
      const pearson = counts.reduce((s, y, m) => s + (y - scale * trend[m]!) ** 2 / (scale * trend[m]!), 0);
      return pearson / (counts.length - 1);
    });
    const sorted = dispersions.sort((a, b) => a - b);
    expect(sorted[15]!).toBeGreaterThan(2); // median: 2.8 with the campaign intensity, 1.1 without
    expect(sorted[3]!).toBeGreaterThan(1.2);
  });
});
