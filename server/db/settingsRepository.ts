import type { Db } from "./client";

export async function getSetting(db: Db, key: string): Promise<string | null> {
  return (await db.systemSetting.findUnique({ where: { key } }))?.value ?? null;
}

export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db.systemSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
