// Counts every row written to a test database, in the database itself: a trigger on each
// table adds one to a counter row per inserted, updated or deleted row, inside the writing
// transaction. A write that is rolled back takes its count with it, so "the counter did not
// move" means "nothing was committed anywhere". Reading it is one row, where counting every
// table was a scan of each per check (most of the fuzz suite's time).
import type { TestDb } from "./testDb";

const COUNTER = "_test_changes";

/** Installs the triggers and returns a reader of the counter. */
export async function installChangeCounter(testDb: TestDb): Promise<() => Promise<number>> {
  const { db, config } = testDb;
  await db.$executeRawUnsafe(`CREATE TABLE "${COUNTER}" (n BIGINT NOT NULL)`);
  await db.$executeRawUnsafe(`INSERT INTO "${COUNTER}" (n) VALUES (0)`);
  const bump = `UPDATE "${COUNTER}" SET n = n + 1`;
  if (config.provider === "sqlite") {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '${COUNTER}'`,
    );
    for (const { name } of tables)
      for (const event of ["INSERT", "UPDATE", "DELETE"])
        await db.$executeRawUnsafe(
          `CREATE TRIGGER "${COUNTER}_${event}_${name}" AFTER ${event} ON "${name}" BEGIN ${bump}; END`,
        );
  } else {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${COUNTER}_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`,
    );
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '${COUNTER}'`,
    );
    for (const { name } of tables)
      await db.$executeRawUnsafe(
        `CREATE TRIGGER "${COUNTER}_${name}" AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION ${COUNTER}_bump()`,
      );
  }
  return async () => {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT n FROM "${COUNTER}"`);
    return Number(row!.n);
  };
}
