// Vitest global setup: a directory (and a PostgreSQL name prefix) for this run's
// template databases, removed with them when the run ends.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { isReachable, LOCAL_POSTGRES_URL } from "../cluster/reachable";
import { dropDatabase, withDatabase } from "../dbadmin/postgresAdmin";
import type { TemplateRun } from "./templates";

// Kept light (no Prisma, no seed code): a run of unit tests alone pays only for this.
const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;

declare module "vitest" {
  export interface ProvidedContext {
    templateRun: TemplateRun;
  }
}

const TEMPLATE_PATTERN = /^burden_tpl_(\d+)_/;

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "burden-templates-"));
  const run: TemplateRun = {
    dir,
    pgPrefix: `burden_tpl_${process.pid}_${randomBytes(3).toString("hex")}_`,
    postgresUrl: TEST_POSTGRES_URL,
  };
  project.provide("templateRun", run);
  const reachable = await isReachable(TEST_POSTGRES_URL);
  if (reachable) await dropTemplates(TEST_POSTGRES_URL, await orphanedTemplates(TEST_POSTGRES_URL));
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (reachable)
      await dropTemplates(
        TEST_POSTGRES_URL,
        (await templateNames(TEST_POSTGRES_URL)).filter((name) => name.startsWith(run.pgPrefix)),
      );
  };
}

async function dropTemplates(url: string, names: string[]): Promise<void> {
  for (const name of names) await dropDatabase(url, name);
}

async function templateNames(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'burden_tpl_%'",
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

/** Templates left by runs that were killed before their teardown (their process is gone). */
async function orphanedTemplates(url: string): Promise<string[]> {
  return (await templateNames(url)).filter((name) => {
    const pid = Number(TEMPLATE_PATTERN.exec(name)?.[1]);
    if (!pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  });
}
