import { createMigration } from "../dbadmin/migrationAuthoring";

const name = process.argv[2];
if (!name) {
  console.error("用法：npm run db:migration:new -- <名称>");
  process.exit(1);
}
const folders = await createMigration(name);
console.log(folders.length ? `已写入迁移：\n${folders.join("\n")}` : "模型与现有迁移一致，无需新迁移");
