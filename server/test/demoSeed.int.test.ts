// @providers: sqlite — the seed's contents are its logic; its PostgreSQL path builds every seeded PG template
import { describe, expect, it } from "vitest";
import { BURDEN_KINDS } from "../domain/burdenKinds";
import { ROLES } from "../domain/roles";
import { DEMO_ACCOUNTS, isDemoMode, seedDemoIfEmpty } from "../services/demoSeed";
import { FIXED_SEED_DATE } from "./templateLocks";
import { createSeededTestDb, useTestDb } from "./testDb";

describe("demo data on first start", () => {
  const testDb = useTestDb(() => createSeededTestDb(FIXED_SEED_DATE));

  it("records every kind over twelve months, with violations and clean records of each", async () => {
    const rows = await testDb.db.burdenRecord.groupBy({ by: ["kind", "isViolation"], _count: { _all: true } });
    for (const kind of BURDEN_KINDS) {
      expect(
        rows.find((r) => r.kind === kind && r.isViolation),
        `${kind} 违规`,
      ).toBeTruthy();
      if (kind !== "PROOF_DEMAND")
        expect(
          rows.find((r) => r.kind === kind && !r.isViolation),
          `${kind} 合规`,
        ).toBeTruthy();
    }
    const periods = await testDb.db.burdenRecord.groupBy({ by: ["period"], _count: { _all: true } });
    expect(periods.map((p) => p.period).sort()).toEqual([
      202512, 202601, 202602, 202603, 202604, 202605, 202606, 202607, 202608, 202609, 202610, 202611,
    ]);
  });

  it("flags each clause of the opinion with a Chinese reason", async () => {
    const violating = await testDb.db.burdenRecord.findMany({
      where: { isViolation: true },
      select: { violations: true },
    });
    const clauses = new Set(
      violating.flatMap((r) => (r.violations as { clause: number; reason: string }[]).map((v) => v.clause)),
    );
    expect([...clauses].sort()).toEqual([1, 3, 4, 6, 7]);
    const reasons = violating.flatMap((r) => (r.violations as { reason: string }[]).map((v) => v.reason));
    expect(reasons).toContain("未列入县级年度统一填报表格目录（《意见》第3条）");
  });

  it("creates one account per role, bound to regions of 长春市", async () => {
    const users = await testDb.db.user.findMany();
    for (const role of ROLES) expect(users.some((u) => u.role === role)).toBe(true);
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    const dept = users.find((u) => u.role === "department")!;
    expect(dept.departmentId).toBeTruthy();
  });

  it("runs once: a second start changes nothing", async () => {
    const before = await testDb.db.burdenRecord.count();
    expect(await seedDemoIfEmpty(testDb.db, () => {})).toBe(false);
    expect(await testDb.db.burdenRecord.count()).toBe(before);
    expect(await isDemoMode(testDb.db)).toBe(true);
  });
});
