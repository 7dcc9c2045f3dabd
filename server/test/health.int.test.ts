// @providers: sqlite, postgresql covers db/ping.ts — the health probe's statement, raw SQL in both dialects
import { describe, expect, it } from "vitest";
import { pingDatabase } from "../db/ping";
import { useTestDb } from "./testDb";

describe("the health probe's database check", () => {
  const testDb = useTestDb();

  it("answers on a live database without reading a table", async () => {
    await expect(pingDatabase(testDb.db)).resolves.toBeUndefined();
  });
});
