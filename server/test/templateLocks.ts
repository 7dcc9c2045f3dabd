// Where a run's template databases live and how a test file waits for one. Kept free of
// Prisma and the seed code so that the global setup can start the builds (templates.ts)
// without loading them: a run of unit tests alone pays only for this.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseConfig, DatabaseProvider } from "../db/config";
import { withDatabase } from "../dbadmin/postgresAdmin";

/** What a run shares with its test files (written by the global setup). */
export interface TemplateRun {
  /** Directory holding locks, markers and SQLite template files. */
  dir: string;
  /** Prefix of this run's PostgreSQL template database names. */
  pgPrefix: string;
  postgresUrl: string;
}

/** The contents a test database starts with: migrated and empty, or the demo seed as of `now`. */
export type TemplateKind = { seed: false } | { seed: true; now?: Date };

/**
 * The fixed day the files that compare against exact seeded figures seed as of; the
 * others take the run's own time. One constant, so the global setup can build its
 * template before the first of those files asks.
 */
export const FIXED_SEED_DATE = new Date(Date.UTC(2026, 10, 28));

/** The templates most runs need, started by the global setup while the unit files run. */
export const COMMON_TEMPLATES: TemplateKind[] = [{ seed: true }, { seed: true, now: FIXED_SEED_DATE }];

const WAIT_LIMIT_MS = 10 * 60_000;
const BUILDER = fileURLToPath(new URL("./templateBuilder.ts", import.meta.url));

function keyOf(kind: TemplateKind): string {
  if (!kind.seed) return "migrated";
  return kind.now ? `seed_${kind.now.toISOString().replace(/\D/g, "").slice(0, 14)}` : "seed_now";
}

/**
 * Starts building a template in a separate process unless someone already has, so a
 * test file that times out waiting does not take a half-built template down with it.
 */
export function startTemplate(run: TemplateRun, provider: DatabaseProvider, kind: TemplateKind): void {
  const { lock } = templatePaths(run, provider, kind);
  try {
    fs.mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return;
  }
  const child = spawn(process.execPath, ["--import", "tsx", BUILDER, JSON.stringify({ run, provider, kind })], {
    detached: true,
    stdio: "inherit",
  });
  fs.writeFileSync(path.join(lock, "pid"), String(child.pid));
  child.unref();
}

/** The template's location, once built: starts the build if nobody has, then waits for its marker. */
export async function templateFor(
  run: TemplateRun,
  provider: DatabaseProvider,
  kind: TemplateKind,
): Promise<DatabaseConfig> {
  const { key, config, ready, failed, lock } = templatePaths(run, provider, kind);
  startTemplate(run, provider, kind);
  const started = Date.now();
  while (!fs.existsSync(ready)) {
    if (fs.existsSync(failed)) throw new Error(`模板数据库 ${key} 构建失败：\n${fs.readFileSync(failed, "utf8")}`);
    if (Date.now() - started > WAIT_LIMIT_MS || builderGone(lock))
      throw new Error(`等待模板数据库 ${key} 超时或构建进程已退出`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return config;
}

export function templatePaths(run: TemplateRun, provider: DatabaseProvider, kind: TemplateKind) {
  const key = `${provider}_${keyOf(kind)}`;
  const config: DatabaseConfig =
    provider === "sqlite"
      ? { provider, location: path.join(run.dir, `${key}.db`) }
      : { provider, location: withDatabase(run.postgresUrl, `${run.pgPrefix}${key}`) };
  const file = (suffix: string) => path.join(run.dir, `${key}.${suffix}`);
  return { key, config, ready: file("ready"), failed: file("failed"), lock: file("lock") };
}

/** A builder killed mid-build (a timed-out test file) leaves no marker: do not wait for it forever. */
function builderGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, "pid"), "utf8"));
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
