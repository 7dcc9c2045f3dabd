import { applyMigrations } from "../dbadmin/migrate";

const applied = await applyMigrations();
console.log(applied.length ? `已应用迁移：${applied.join("，")}` : "数据库已是最新，无待应用的迁移");
