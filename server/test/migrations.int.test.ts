import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffAgainstSchema } from "../db/migrate";
import { createTestDb, type TestDb } from "./testDb";

describe("offline migrations", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.cleanup());

  it("applies idempotently: a second run applies nothing", async () => {
    expect(await applyMigrations(testDb.config)).toEqual([]);
  });

  it("keeps prisma/migrations in step with schema.prisma", async () => {
    const sql = await diffAgainstSchema(testDb.config);
    expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
  });

  it("creates every domain table", async () => {
    const tables = await testDb.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table'");
    const names = tables.map((t) => t.name);
    for (const table of ["Region", "Department", "BurdenRecord", "CatalogueItem", "AdmissionRequest", "Rule", "Alert", "AlertHumanState", "AlertEvent", "ExposureCase", "DirectReport", "AuditLog", "user", "session"]) {
      expect(names).toContain(table);
    }
  });
});
