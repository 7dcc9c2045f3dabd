// @providers: sqlite — versioned settings through ordinary Prisma reads and writes
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { BURDEN_KINDS } from "../domain/burdenKinds";
import { DEFAULT_MINUTES_CONFIG } from "../domain/metrics";
import { EQUAL_WEIGHTS } from "../domain/scoring";
import { callerAs } from "./fixtures";
import { FIXED_SEED_DATE } from "./templateLocks";
import { createSeededTestDb, useTestDb } from "./testDb";

describe("score settings are edited by monitors and versioned", () => {
  const testDb = useTestDb(() => createSeededTestDb(FIXED_SEED_DATE));

  it("weights, minutes and baseline change scores and hours; every save is a new version", async () => {
    const monitor = await callerAs(testDb.db, "monitor");
    const before = await monitor.ranking.peers({ parentCode: "2201", period: 202611, replicates: 0 });
    expect(before.settings.version).toBeNull();
    expect(before.settings.baselinePeriod).toBe(202601);

    // Only forms count, and forms cost twice the standard minutes.
    const weights = Object.fromEntries(BURDEN_KINDS.map((k) => [k, k === "FORM" ? 1 : 0])) as typeof EQUAL_WEIGHTS;
    await monitor.scoreSettings.save({
      regionCode: "2201",
      weights,
      minutes: { ...DEFAULT_MINUTES_CONFIG, FORM: 120 },
      baselinePeriod: 202603,
    });
    const after = await monitor.ranking.peers({ parentCode: "2201", period: 202611, replicates: 0 });
    expect(after.settings).toMatchObject({ version: 1, baselinePeriod: 202603 });
    for (const peer of after.peers) {
      const form = peer.breakdown.find((k) => k.kind === "FORM")!;
      expect(peer.score).toBeCloseTo(form.score, 10);
    }
    const overview = await monitor.metrics.overview({ regionCode: "220103", period: 202611 });
    const formHours = overview.byKind.find((k) => k.kind === "FORM")!.hoursPerVillage;
    expect(formHours).toBeCloseTo(overview.byKind.find((k) => k.kind === "FORM")!.perVillage * 2, 10);

    await monitor.scoreSettings.save({
      regionCode: "2201",
      weights: EQUAL_WEIGHTS,
      minutes: DEFAULT_MINUTES_CONFIG,
      baselinePeriod: 202601,
    });
    const settings = await monitor.scoreSettings.get({ regionCode: "2201" });
    expect(settings.versions.map((v) => v.version)).toEqual([2, 1]);
    // A district inherits the city's settings until it saves its own.
    expect((await monitor.scoreSettings.get({ regionCode: "220103" })).current).toMatchObject({
      version: 2,
      ownerRegionCode: "2201",
    });
  });

  it("leaders cannot change settings; all-zero weights are refused", async () => {
    const leader = await callerAs(testDb.db, "leader");
    await expect(
      leader.scoreSettings.save({
        regionCode: "220103",
        weights: EQUAL_WEIGHTS,
        minutes: DEFAULT_MINUTES_CONFIG,
        baselinePeriod: 202601,
      }),
    ).rejects.toBeInstanceOf(TRPCError);
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const zero = Object.fromEntries(BURDEN_KINDS.map((k) => [k, 0])) as typeof EQUAL_WEIGHTS;
    await expect(
      monitor.scoreSettings.save({
        regionCode: "220103",
        weights: zero,
        minutes: DEFAULT_MINUTES_CONFIG,
        baselinePeriod: 202601,
      }),
    ).rejects.toThrow("至少一个类别的权重须大于0");
  });

  it("escalation limits per severity are system-wide and only an administrator changes them", async () => {
    const monitor = await callerAs(testDb.db, "monitor");
    expect(await monitor.rule.escalation()).toEqual({ INFO: 10080, WARNING: 1440, CRITICAL: 60 });
    await expect(monitor.rule.saveEscalation({ INFO: 60, WARNING: 30, CRITICAL: 10 })).rejects.toBeInstanceOf(
      TRPCError,
    );
    const admin = await callerAs(testDb.db, "admin");
    await expect(admin.rule.saveEscalation({ INFO: 60, WARNING: 30, CRITICAL: 1 })).rejects.toThrow(
      "升级时限须在5分钟至30天之间",
    );
    await admin.rule.saveEscalation({ INFO: 60, WARNING: 30, CRITICAL: 10 });
    expect(await monitor.rule.escalation()).toEqual({ INFO: 60, WARNING: 30, CRITICAL: 10 });
  });
});
