// CPU cost of one request per route (issue #14): the built server in a child process, a county of
// `records` records, `count` sequential requests per route from one client, and the server process's
// CPU time (user + system, all threads, from /proc) before and after each route's run. Sequential
// requests on an otherwise idle server make CPU ms per request a number that survives a loaded
// machine, where wall-clock latencies measure the other engineers' work as much as ours.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type Db } from "../../server/db/client";
import { createDatabase, dropDatabase, withDatabase } from "../../server/dbadmin/postgresAdmin";
import type { DatabaseProvider } from "../../server/db/config";
import { currentPeriod } from "../../server/domain/periods";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "../../server/services/demoSeed";
import { AppClient, measureOn, startAppServer } from "../appServer";
import { seedCountyRecords } from "../countyRecords";
import { BENCH_DB_PREFIX, BENCH_POSTGRES_URL, type BenchDb, createBenchDb, PROVIDER_LABEL } from "../databases";
import type { Measurement } from "../harness";

const COUNTY = "220103";
const PORT = Number(process.env.BENCH_REQUESTS_PORT ?? process.env.BENCH_LOAD_PORT ?? 3224);
// /proc/<pid>/stat counts in clock ticks; USER_HZ is 100 on every Linux this runs on.
const TICK_MS = 10;

/** User + system CPU milliseconds the process has used so far (fields 14 and 15 of /proc/<pid>/stat). */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * The demo seed and `records` records of the county. Seeding 300,000 records takes minutes on the
 * loaded machine: with BENCH_REQUESTS_KEEP_SEED=1 the first run keeps a copy (a file in the temp folder,
 * a template database) and later runs start from it, so a before/after pair measures the same data.
 * Drop the copy when done: `rm /tmp/burden_requests_seed_*.db`, `DROP DATABASE burden_requests_seed_…`.
 */
async function seededCounty(bench: BenchDb, records: number): Promise<Db> {
  const keep = process.env.BENCH_REQUESTS_KEEP_SEED === "1";
  const copy = `${BENCH_DB_PREFIX}burden_requests_seed_${records}`;
  const sqliteCopy = path.join(os.tmpdir(), `${copy}.db`);
  const postgres = bench.config.provider === "postgresql";
  const database = postgres ? new URL(bench.config.location).pathname.slice(1) : "";
  const copyExists = async () => {
    if (!postgres) return fs.existsSync(sqliteCopy);
    const client = new pg.Client({ connectionString: withDatabase(BENCH_POSTGRES_URL, "postgres") });
    await client.connect();
    try {
      return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [copy])).rowCount === 1;
    } finally {
      await client.end();
    }
  };
  if (keep && (await copyExists())) {
    await bench.db.$disconnect();
    if (postgres) {
      await dropDatabase(BENCH_POSTGRES_URL, database);
      await createDatabase(BENCH_POSTGRES_URL, database, copy);
    } else {
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(bench.config.location + suffix, { force: true });
      fs.copyFileSync(sqliteCopy, bench.config.location);
    }
    return createPrismaClient(bench.config);
  }
  await seedDemoIfEmpty(bench.db, () => {});
  await seedCountyRecords(bench.db, COUNTY, records, currentPeriod());
  if (keep) {
    // Closing the only connection checkpoints SQLite's WAL into the file copied here.
    await bench.db.$disconnect();
    if (postgres) await createDatabase(BENCH_POSTGRES_URL, copy, database);
    else fs.copyFileSync(bench.config.location, sqliteCopy);
  }
  return createPrismaClient(bench.config);
}

export interface RequestsOptions {
  records: number;
  count: number;
}

export async function requestsBench(provider: DatabaseProvider, options: RequestsOptions): Promise<Measurement[]> {
  const bench = await createBenchDb(provider, "requests");
  const db = await seededCounty(bench, options.records);
  const departments = (await db.department.findMany({ where: { regionCode: COUNTY }, select: { id: true } })).map(
    (d) => d.id,
  );
  const villages = (
    await db.region.findMany({ where: { code: { startsWith: COUNTY }, level: 5 }, select: { code: true } })
  ).map((v) => v.code);
  await db.$disconnect();
  await bench.db.$disconnect();
  const server = await startAppServer(bench.url, PORT);
  const pid = server.child.pid!;
  return measureOn(server, bench, async () => {
    const [countyMonitor, leader, cityMonitor] = await Promise.all(
      ["monitor_kc", "leader", "monitor"].map((u) => AppClient.signIn(server.url, u, DEMO_PASSWORD)),
    );
    let cursor: string | null = null;
    let created = 0;
    const routes: Record<string, (i: number) => Promise<unknown>> = {
      "/api/health": () => fetch(`${server.url}/api/health`).then((r) => r.text()),
      // Ten pages deep and back to the first, as a person pages through the list.
      "record.list": async (i) => {
        const page: { nextCursor: string | null } = await countyMonitor.query("record.list", {
          regionCode: COUNTY,
          pageSize: 20,
          cursor: i % 10 === 0 ? null : cursor,
        });
        cursor = page.nextCursor;
      },
      "record.create": (i) =>
        countyMonitor
          .mutate("record.create", {
            kind: "FORM",
            departmentId: departments[i % departments.length],
            scopeRegionCode: villages[(i * 7) % villages.length],
            title: `CPU测试表格${i}`,
            units: 1,
            occurredOn: new Date().toISOString().slice(0, 10),
          })
          .then(() => (created += 1)),
      // The load test's mix writes between pages: a write must not make every next page count the county again.
      "record.create + record.list": async (i) => {
        await routes["record.create"]!(i + 1_000_000);
        await routes["record.list"]!(i);
      },
      "metrics.overview": () => cityMonitor.query("metrics.overview", { regionCode: COUNTY.slice(0, 4) }),
      "ranking.peers": () => leader.query("ranking.peers", { parentCode: COUNTY.slice(0, 4) }),
    };
    const measurements: Measurement[] = [];
    const suite = `单次请求 CPU (${PROVIDER_LABEL[provider]})`;
    for (const [route, send] of Object.entries(routes)) {
      // Unmeasured warm-up: the first requests load the route's compiled bundle and fill the JIT.
      for (let i = 0; i < 5; i += 1) await send(i);
      const cpuBefore = processCpuMs(pid);
      const started = performance.now();
      for (let i = 0; i < options.count; i += 1) await send(i);
      const wallMs = (performance.now() - started) / options.count;
      const cpuMs = (processCpuMs(pid) - cpuBefore) / options.count;
      // Minutes per route on a loaded machine: say where the run is.
      console.log(`${suite} ${route}：${cpuMs.toFixed(1)} CPU 毫秒/次，墙钟 ${wallMs.toFixed(0)} 毫秒/次`);
      measurements.push({
        suite,
        metric: `${route}（区县 ${options.records.toLocaleString("zh-CN")} 条记录，顺序 ${options.count} 次）`,
        value: cpuMs,
        unit: "CPU 毫秒/次",
        higherIsBetter: false,
        note: `墙钟 ${wallMs.toFixed(1)} 毫秒/次（随机器负载变化）`,
      });
    }
    if (created !== 2 * (options.count + 5)) throw new Error(`record.create 只成功 ${created} 次`);
    return measurements;
  });
}
