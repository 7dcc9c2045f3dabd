// @providers: sqlite, postgresql covers db/ping.ts — the health probe's statement, raw SQL in both dialects
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pingDatabase } from "../db/ping";
import { createTestDb, type TestDb } from "./testDb";

describe("the health probe's database check", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.cleanup());

  it("answers on a live database without reading a table", async () => {
    await expect(pingDatabase(testDb.db)).resolves.toBeUndefined();
  });
});
