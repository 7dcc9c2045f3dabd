import { closeDb, getDb } from "../db/client";
import { applyMigrations } from "../dbadmin/migrate";
import { importRegions } from "../services/regionImport";

const scope = process.argv[2];
if (!scope) {
  console.error("用法：npm run db:regions -- <省/地/县级区划代码 | all>");
  process.exit(1);
}
try {
  await applyMigrations();
  const result = await importRegions(getDb(), scope);
  console.log(
    `已导入区划 ${scope}：共 ${result.units.toLocaleString("zh-CN")} 个单位，` +
      `其中村级 ${result.villageLevelUnits.toLocaleString("zh-CN")} 个，用时 ${result.seconds.toFixed(1)} 秒`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
