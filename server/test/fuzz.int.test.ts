// @providers: sqlite, postgresql covers db/client.ts — a refused call rolls back completely
// Property-based fuzzing of every procedure: random and malformed inputs get a
// 4xx-class tRPC error or succeed, never an internal error, and a rejected call
// leaves the database as it was.
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../api/root";
import { sessionUser } from "./fixtures";
import { createSeededTestDb, type TestDb } from "./testDb";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const procedures = Object.keys(
  (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
).sort();
const TABLES = [
  "BurdenRecord",
  "BurdenRecordRevision",
  "CatalogueItem",
  "AdmissionRequest",
  "Alert",
  "AlertEvent",
  "AlertHumanState",
  "ExposureCase",
  "DirectReport",
  "MonitoringPoint",
  "AuditLog",
  "Rule",
  "ScoreConfig",
  "user",
  "account",
  "session",
  "Silence",
  "MetricAggregate",
];

const FIELDS = [
  "regionCode",
  "parentCode",
  "scopeRegionCode",
  "villageCode",
  "id",
  "kind",
  "title",
  "details",
  "units",
  "occurredOn",
  "period",
  "periodFrom",
  "periodTo",
  "catalogue",
  "name",
  "reason",
  "approve",
  "effectiveFrom",
  "accessCode",
  "receiptNo",
  "states",
  "severity",
  "ruleKey",
  "weights",
  "minutes",
  "baselinePeriod",
  "cursor",
  "pageSize",
  "step",
  "password",
  "role",
  "disabled",
  "body",
  "expiresAt",
  "ceilingMargin",
  "afterSeq",
  "departmentId",
  "itemKey",
  "validFrom",
  "validTo",
];

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "220103",
    "2201",
    "22",
    "220104",
    "999999",
    "220103002001",
    `'; DROP TABLE "user"; --`,
    "<script>alert(1)</script>",
    "\u0000",
    "NaN",
    "-1",
    "1e309",
    "ZB20261128ABCDEF",
    "FORM",
    "PUBLISHED",
    "2026-13-45",
    "x".repeat(5000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 5 }),
);
const input = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...FIELDS), nasty, { maxKeys: 8 }));

describe("fuzzing every procedure", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createSeededTestDb();
  });
  afterAll(() => testDb.cleanup());

  const fingerprint = async () =>
    JSON.stringify(
      await testDb.db.$queryRawUnsafe(
        `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}, (SELECT max("updatedAt") FROM "BurdenRecord") AS r, (SELECT sum("units") FROM "MetricAggregate") AS m`,
      ),
      (_k, v) => (typeof v === "bigint" ? Number(v) : v),
    );

  for (const path of procedures) {
    it(`${path}: ${RUNS} random inputs, never an internal error`, async () => {
      for (const username of ["admin", "monitor_kc"]) {
        const caller = createCaller({
          db: testDb.db,
          user: await sessionUser(testDb.db, username),
          headers: new Headers(),
        });
        const procedure = path
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          i: unknown,
        ) => Promise<unknown>;
        await fc.assert(
          fc.asyncProperty(input, async (value) => {
            const before = await fingerprint();
            try {
              await procedure(value);
            } catch (error) {
              if (!(error instanceof TRPCError)) throw error;
              expect(error.code, `${path}: ${error.message}`).not.toBe("INTERNAL_SERVER_ERROR");
              expect(await fingerprint(), `${path} changed the database although it refused the call`).toBe(before);
            }
          }),
          { numRuns: RUNS / 2, seed: 20261128 },
        );
      }
    }, 120_000);
  }
});
