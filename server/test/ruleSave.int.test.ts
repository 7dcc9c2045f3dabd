// @providers: sqlite — rule settings through ordinary Prisma reads and writes, checked in services
// 规则: pending and recovery periods are edited per rule and region, checked with
// Chinese messages, kept across threshold edits, and audited (issue #12).
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createCaller } from "../api/root";
import type { SessionUser } from "../domain/actor";
import { effectiveRules, ensureDefaultRules } from "../services/alerts/alertRules";
import { createTwoCounties } from "./fixtures";
import { createTestDb, type TestDb } from "./testDb";

const monitor: SessionUser = {
  id: "u-rule-monitor",
  username: "rule_monitor",
  name: "宽城区监测员",
  role: "monitor",
  regionCode: "220103",
  departmentId: null,
};

async function messages(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof z.ZodError)
      return error.cause.issues.map((i) => i.message);
    return [(error as Error).message];
  }
  return ["(accepted)"];
}

describe("rule pending and recovery periods", () => {
  let testDb: TestDb;
  const api = () => createCaller({ db: testDb.db, user: monitor, headers: new Headers() });
  const levelForms = async (regionCode = "220103") =>
    (await effectiveRules(testDb.db, regionCode)).find((r) => r.ruleKey === "LEVEL_FORMS")!;
  const change = (extra: object) => ({
    regionCode: "220103",
    ruleKey: "LEVEL_FORMS",
    severity: "WARNING" as const,
    enterThreshold: 4,
    exitThreshold: 3.5,
    pendingPeriods: 0,
    enabled: true,
    ...extra,
  });

  beforeAll(async () => {
    testDb = await createTestDb();
    await createTwoCounties(testDb.db);
    await testDb.db.user.create({
      data: { id: monitor.id, name: monitor.name, email: "rule@burden.example", username: monitor.username },
    });
    await ensureDefaultRules(testDb.db);
  });
  afterAll(() => testDb.cleanup());

  it("saves recovery and pending periods for the region only, as a new audited version", async () => {
    expect((await levelForms()).recoveryPeriods).toBe(1);
    await api().rule.save(change({ recoveryPeriods: 3, pendingPeriods: 2 }));
    expect(await levelForms()).toMatchObject({ recoveryPeriods: 3, pendingPeriods: 2, version: 1 });
    expect(await levelForms("220104")).toMatchObject({ recoveryPeriods: 1, pendingPeriods: 0 });
    const audit = await testDb.db.auditLog.findFirstOrThrow({
      where: { action: "RULE_UPDATE", regionCode: "220103" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ actorId: monitor.id, actorRole: monitor.role });
    expect(JSON.stringify(audit.before)).toContain('"recoveryPeriods":1');
    expect(JSON.stringify(audit.after)).toContain('"recoveryPeriods":3');
  });

  it("a threshold edit that leaves the periods out keeps them", async () => {
    await api().rule.save(change({ enterThreshold: 5, exitThreshold: 4, pendingPeriods: 2 }));
    expect(await levelForms()).toMatchObject({ enterThreshold: 5, recoveryPeriods: 3, version: 2 });
  });

  it.each([
    [{ recoveryPeriods: 0 }, "恢复期数应为1至12个月"],
    [{ recoveryPeriods: 13 }, "恢复期数应为1至12个月"],
    [{ recoveryPeriods: 1.5 }, "恢复期数应为整数月数"],
    [{ recoveryPeriods: "2" }, "恢复期数应为整数月数"],
    [{ pendingPeriods: -1 }, "待定期数应为0至12个月"],
    [{ pendingPeriods: 24 }, "待定期数应为0至12个月"],
  ])("refuses %o with a Chinese message naming the field", async (bad, message) => {
    const before = await levelForms();
    expect(await messages(api().rule.save(change(bad) as never))).toEqual([message]);
    expect(await levelForms()).toEqual(before);
  });
});
