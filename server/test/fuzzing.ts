// Property-based fuzzing of every procedure: random and malformed inputs get a
// 4xx-class tRPC error or succeed, never an internal error, and a rejected call
// leaves the database as it was. The procedures are dealt to FUZZ_SHARDS files
// (fuzz1…fuzz4.int.test.ts) so that the two Vitest workers share them: as one file
// it was the last to finish on both databases while the other worker stood idle.
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../api/root";
import { installChangeCounter } from "./changeCounter";
import { sessionUser } from "./fixtures";
import { createSeededTestDb, useTestDb } from "./testDb";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
export const FUZZ_SHARDS = 4;
const allProcedures = Object.keys(
  (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
).sort();
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

/** Fuzzes every FUZZ_SHARDS-th procedure, starting at `shard` (1-based); together the shards cover all. */
export function fuzzShard(shard: number): void {
  const procedures = allProcedures.filter((_path, index) => index % FUZZ_SHARDS === shard - 1);
  describe(`fuzzing procedures, part ${shard} of ${FUZZ_SHARDS}`, () => fuzzProcedures(procedures));
}

function fuzzProcedures(procedures: string[]): void {
  const testDb = useTestDb(createSeededTestDb);
  let changes: () => Promise<number>;
  beforeAll(async () => {
    changes = await installChangeCounter(testDb);
  });

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
        // Rows written so far: a refusal must leave the count as the last call left it.
        let current = await changes();
        await fc.assert(
          fc.asyncProperty(input, async (value) => {
            try {
              await procedure(value);
            } catch (error) {
              if (!(error instanceof TRPCError)) throw error;
              expect(error.code, `${path}: ${error.message}`).not.toBe("INTERNAL_SERVER_ERROR");
              expect(await changes(), `${path} changed the database although it refused the call`).toBe(current);
              return;
            }
            current = await changes();
          }),
          { numRuns: RUNS / 2, seed: 20261128 },
        );
      }
    }, 120_000);
  }
}
