import { createMigration } from "../db/migrate";

const name = process.argv[2];
if (!name) {
  console.error("用法：npm run db:migration:new -- <名称>");
  process.exit(1);
}
const folder = await createMigration(name);
console.log(folder ? `已写入迁移：${folder}` : "模型与现有迁移一致，无需新迁移");
