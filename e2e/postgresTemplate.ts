// The scale-out spec's PostgreSQL data, seeded before the run (by e2e/template.ts, beside `next build` under
// `npm test`) instead of inside the spec: its two instances migrating and seeding 长春市 held a worker for
// 100–125 s while the other worker ran on alone. The spec's cluster starts on a copy (CREATE DATABASE … TEMPLATE).
// Only where the template is missing (a plain `playwright test` with E2E_TEMPLATE_READY=1) do they seed it.
import fs from "node:fs";
import pg from "pg";
import { isReachable, LOCAL_POSTGRES_URL, LOCAL_REDIS_URL } from "../server/cluster/reachable";
import { createDatabase, dropDatabase, withDatabase } from "../server/dbadmin/postgresAdmin";

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;
export const REDIS_URL = process.env.TEST_REDIS_URL ?? LOCAL_REDIS_URL;
/** Names the seeded database: a file beside the SQLite template, since the runner that reads it is another process. */
const NAME_FILE = "data/e2e-template.pg";

/** Whether the scale-out spec can run here: it needs both servers. */
export async function clusterServicesUp(): Promise<boolean> {
  return (await isReachable(POSTGRES_URL)) && (await isReachable(REDIS_URL));
}

async function exists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabase(POSTGRES_URL, "postgres") });
  await client.connect();
  try {
    return ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** The seeded template of this run, or null (not made, or already dropped): the spec then seeds its own. */
export async function postgresTemplate(): Promise<string | null> {
  if (!fs.existsSync(NAME_FILE)) return null;
  const name = fs.readFileSync(NAME_FILE, "utf8").trim();
  return (await exists(name)) ? name : null;
}

/** Drops the template named by the file, left by this run or by an earlier one that was killed. */
export async function dropPostgresTemplate(): Promise<void> {
  if (!fs.existsSync(NAME_FILE)) return;
  const name = fs.readFileSync(NAME_FILE, "utf8").trim();
  fs.rmSync(NAME_FILE);
  if (await isReachable(POSTGRES_URL)) await dropDatabase(POSTGRES_URL, name);
}

/**
 * Migrates and seeds a new template as two app instances starting together on an empty database do, then names
 * it in the file. The spec's own instances used to be those two: the start-up's turn-taking is still checked
 * here, since a second seeding of the same database fails on its unique keys. Runs in a process of its own: the
 * database modules read DATABASE_URL once, and the SQLite template is seeded meanwhile in another.
 */
export async function seedPostgresTemplate(log: (line: string) => void): Promise<void> {
  await dropPostgresTemplate();
  const name = `burden_e2e_tpl_${process.pid}_${Date.now()}`;
  await createDatabase(POSTGRES_URL, name);
  process.env.DATABASE_URL = withDatabase(POSTGRES_URL, name);
  try {
    const { prepareForStart } = await import("../server/app");
    const { closeDb } = await import("../server/db/client");
    try {
      const starts = ["A", "B"].map((instance) => prepareForStart(true, (line) => log(`${instance}: ${line}`)));
      const failed = (await Promise.allSettled(starts)).find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    } finally {
      await closeDb();
    }
  } catch (error) {
    await dropDatabase(POSTGRES_URL, name).catch(() => {});
    throw error;
  }
  fs.mkdirSync("data", { recursive: true });
  fs.writeFileSync(NAME_FILE, name);
}
