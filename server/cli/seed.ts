import { closeDb, getDb, prepareDb } from "../db/client";
import { applyMigrations } from "../dbadmin/migrate";
import { seedDemoIfEmpty } from "../services/demoSeed";

try {
  await applyMigrations();
  const db = getDb();
  await prepareDb(db);
  if (!(await seedDemoIfEmpty(db))) console.log("数据库已有账号或演示数据，未重复生成");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
