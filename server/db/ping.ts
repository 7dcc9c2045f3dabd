import type { Db } from "./client";

/** Throws unless the database answers a statement; reads no table. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
