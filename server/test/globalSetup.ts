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
import type { DatabaseProvider } from "../db/config";
import { COMMON_TEMPLATES, startTemplate, type TemplateKind, type TemplateRun } from "./templateLocks";

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
  if (buildsEverything(project)) for (const kind of commonTemplates()) startTemplate(run, provider(), kind);
  const reachable = await isReachable(TEST_POSTGRES_URL);
  if (reachable) await dropTemplates(TEST_POSTGRES_URL, await orphanedTemplates(TEST_POSTGRES_URL));
  return async () => {
    stopBuilders(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    if (reachable)
      await dropTemplates(
        TEST_POSTGRES_URL,
        (await templateNames(TEST_POSTGRES_URL)).filter((name) => name.startsWith(run.pgPrefix)),
      );
  };
}

/**
 * A whole run (or test-postgres.ts's list) needs the common templates, so they are built
 * while the unit files run instead of when the first integration file asks; a run of a
 * few named files builds only what they ask for. `filenamePattern` holds the command
 * line's file filters (not public API: without it every run counts as whole).
 */
function buildsEverything(project: TestProject): boolean {
  if (process.env.TEST_TEMPLATES_EAGER) return true;
  // Runs on the root project, so also for `--project unit`, which needs no database.
  if (!project.vitest.projects.some((p) => p.name.startsWith("integration"))) return false;
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  return !filters?.length;
}

function provider(): DatabaseProvider {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

/** The fixed-date files (catalogue, demoSeed, kinds, scoreSettings) are SQLite-only. */
function commonTemplates(): TemplateKind[] {
  return provider() === "sqlite" ? COMMON_TEMPLATES : COMMON_TEMPLATES.filter((kind) => kind.seed && !kind.now);
}

/** A run that ends before a template it started is built (one quick file) stops the builder first. */
function stopBuilders(dir: string): void {
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.endsWith(".lock") || fs.existsSync(path.join(dir, entry.replace(/lock$/, "ready")))) continue;
    try {
      const pid = Number(fs.readFileSync(path.join(dir, entry, "pid"), "utf8"));
      // Detached: each builder leads its own process group (its children, tsx, go with it).
      process.kill(-pid, "SIGKILL");
    } catch {
      // Gone already, or never started.
    }
  }
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
