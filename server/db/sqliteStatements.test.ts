import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { changesJournalMode, runsOnWriter, StatementClassifier } from "./sqliteStatements";

describe("which SQLite connection a statement outside a transaction runs on", () => {
  const connection = new Database(":memory:");
  connection.exec(`CREATE TABLE "Region" (code TEXT PRIMARY KEY, name TEXT)`);
  const classifier = new StatementClassifier(connection);
  afterAll(() => connection.close());

  it.each([
    `SELECT code FROM "Region" WHERE code = ?`,
    `SELECT count(*) FROM "Region"`,
    `WITH wanted AS (SELECT code FROM "Region") SELECT * FROM wanted`,
    `  -- list\n  SELECT 1`,
    `EXPLAIN QUERY PLAN SELECT * FROM "Region"`,
  ])("reads only: %s", (sql) => {
    expect(classifier.readsOnly(sql)).toBe(true);
  });

  it.each([
    `INSERT INTO "Region" (code, name) VALUES (?, ?)`,
    `INSERT INTO "Region" (code, name) VALUES (?, ?) RETURNING code`,
    `UPDATE "Region" SET name = ? WHERE code = ? RETURNING code`,
    `DELETE FROM "Region" WHERE code = ?`,
    `WITH gone AS (SELECT code FROM "Region") DELETE FROM "Region" WHERE code IN (SELECT code FROM gone)`,
    `CREATE TABLE extra (x)`,
    "BEGIN",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA table_info(Region)",
    "/* settings */ pragma journal_mode",
    `SELECT * FROM "NoSuchTable"`,
    "SELEC 1",
  ])("runs on the writer: %s", (sql) => {
    expect(classifier.readsOnly(sql)).toBe(false);
  });

  it("asks SQLite once per statement text", () => {
    const sql = `SELECT name FROM "Region"`;
    expect(classifier.readsOnly(sql)).toBe(true);
    connection.exec(`DROP TABLE "Region"`);
    expect(classifier.readsOnly(sql)).toBe(true);
    connection.exec(`CREATE TABLE "Region" (code TEXT PRIMARY KEY, name TEXT)`);
  });

  it("a statement that failed to compile is asked again: its table may exist by then", () => {
    const sql = `SELECT * FROM "Later"`;
    expect(classifier.readsOnly(sql)).toBe(false);
    connection.exec(`CREATE TABLE "Later" (x)`);
    expect(classifier.readsOnly(sql)).toBe(true);
  });

  it("knows PRAGMAs and a change of journal mode by their text", () => {
    expect(runsOnWriter("  PRAGMA synchronous = NORMAL")).toBe(true);
    expect(runsOnWriter("SELECT 'PRAGMA'")).toBe(false);
    expect(changesJournalMode("PRAGMA journal_mode = DELETE")).toBe(true);
    expect(changesJournalMode("-- fold the log\nPRAGMA main.journal_mode=WAL")).toBe(true);
    expect(changesJournalMode("PRAGMA journal_size_limit = 0")).toBe(false);
    expect(changesJournalMode("SELECT 1")).toBe(false);
  });
});
