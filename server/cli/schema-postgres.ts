import { writePostgresSchema } from "../db/schemaVariants";

if (writePostgresSchema()) console.log("已更新 prisma/postgres/schema.prisma");
