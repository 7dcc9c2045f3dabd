// @providers: sqlite, postgresql covers dbadmin/migrate.ts, dbadmin/pgIntrospection.ts, db/client.ts — dialects
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { dialectOf } from "../db/client";
import { applyMigrations, diffAgainstSchema } from "../dbadmin/migrate";
import { postgresSchemaFrom, SCHEMA_PATHS } from "../dbadmin/schemaVariants";
import { testProvider, useTestDb } from "./testDb";

describe("offline migrations", () => {
  const testDb = useTestDb();

  it("applies idempotently: a second run applies nothing", async () => {
    expect(await applyMigrations(testDb.config)).toEqual([]);
  });

  it(`keeps the ${testProvider} migrations in step with the schema`, async () => {
    const sql = await diffAgainstSchema(testDb.config);
    expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
  });

  it("creates every domain table", async () => {
    const tables = await testDb.db.$queryRawUnsafe<{ name: string }[]>(
      testProvider === "postgresql"
        ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
        : "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    const names = tables.map((t) => t.name);
    for (const table of [
      "Region",
      "Department",
      "BurdenRecord",
      "CatalogueItem",
      "AdmissionRequest",
      "Rule",
      "Alert",
      "AlertHumanState",
      "AlertEvent",
      "ExposureCase",
      "DirectReport",
      "AuditLog",
      "user",
      "session",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("tells the dialect of a client and of its transactions (raw SQL differs per provider)", async () => {
    expect(dialectOf(testDb.db)).toBe(testProvider);
    expect(await testDb.db.$transaction(async (tx) => dialectOf(tx))).toBe(testProvider);
  });

  it("derives the PostgreSQL schema from prisma/schema.prisma (npm run db:generate)", () => {
    const source = fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8");
    expect(fs.readFileSync(SCHEMA_PATHS.postgresql, "utf8")).toBe(postgresSchemaFrom(source));
  });
});
