import { writePostgresSchema } from "../dbadmin/schemaVariants";

if (writePostgresSchema()) console.log("已更新 prisma/postgres/schema.prisma");
