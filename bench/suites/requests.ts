// CPU cost of one request per route (issue #14): the built server in a child process, a county of
// `records` records, `count` sequential requests per route from one client, and the server process's
// CPU time (user + system, all threads, from /proc) before and after each route's run. Sequential
// requests on an otherwise idle server make CPU ms per request a number that survives a loaded
// machine, where wall-clock latencies measure the other engineers' work as much as ours.
import fs from "node:fs";
import type { DatabaseProvider } from "../../server/db/config";
import { currentPeriod } from "../../server/domain/periods";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "../../server/services/demoSeed";
import { AppClient, startAppServer } from "../appServer";
import { seedCountyRecords } from "../countyRecords";
import { createBenchDb, PROVIDER_LABEL } from "../databases";
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

export interface RequestsOptions {
  records: number;
  count: number;
}

export async function requestsBench(provider: DatabaseProvider, options: RequestsOptions): Promise<Measurement[]> {
  const bench = await createBenchDb(provider, "requests");
  const { db } = bench;
  await seedDemoIfEmpty(db, () => {});
  await seedCountyRecords(db, COUNTY, options.records, currentPeriod());
  const departments = (await db.department.findMany({ where: { regionCode: COUNTY }, select: { id: true } })).map(
    (d) => d.id,
  );
  const villages = (
    await db.region.findMany({ where: { code: { startsWith: COUNTY }, level: 5 }, select: { code: true } })
  ).map((v) => v.code);
  await db.$disconnect();
  const server = await startAppServer(bench.url, PORT);
  const pid = server.child.pid!;
  try {
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
  } catch (error) {
    console.error(`服务进程输出（最后 40 行）：\n${server.tail()}`);
    throw error;
  } finally {
    await server.stop();
    await bench.cleanup();
  }
}
