// Load test (issue #14): the real server in a child process, a county of `records` records,
// `clients` signed-in users reading and writing over loopback HTTP for `seconds` while one
// `importRows`-row ledger import runs, and /api/health probed every 100 ms throughout.
// Clients pause 0.25–1.75 s between requests (people read what they asked for), so the
// offered rate is about `clients` requests per second whatever the server's speed.
import type { DatabaseProvider } from "../../server/db/config";
import { currentPeriod } from "../../server/domain/periods";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "../../server/services/demoSeed";
import { AppClient, measureOn, startAppServer } from "../appServer";
import { seedCountyRecords } from "../countyRecords";
import { createBenchDb, percentile, PROVIDER_LABEL } from "../databases";
import type { Measurement } from "../harness";
import { certificateRows, ledgerFile } from "./ledgerImport";

const COUNTY = "220103";
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3223);

export interface LoadOptions {
  seconds: number;
  records: number;
  importRows: number;
  clients: number;
}

type Operation = "record.list" | "record.create" | "metrics.overview" | "ranking.peers";

export async function loadBench(provider: DatabaseProvider, options: LoadOptions): Promise<Measurement[]> {
  const bench = await createBenchDb(provider, "load");
  const { db } = bench;
  await seedDemoIfEmpty(db, () => {});
  await seedCountyRecords(db, COUNTY, options.records, currentPeriod());
  const { data } = await certificateRows(db, options.importRows);
  const ledger = await ledgerFile(data);
  const departments = (await db.department.findMany({ where: { regionCode: COUNTY }, select: { id: true } })).map(
    (d) => d.id,
  );
  const villages = (
    await db.region.findMany({ where: { code: { startsWith: COUNTY }, level: 5 }, select: { code: true } })
  ).map((v) => v.code);
  const before = await db.burdenRecord.count();

  // The server migrates on start, which waits for a write lock this connection must not hold.
  await db.$disconnect();
  const server = await startAppServer(bench.url, PORT);
  return measureOn(server, bench, async () => {
    const [countyMonitor, leader, cityMonitor] = await Promise.all(
      ["monitor_kc", "leader", "monitor"].map((u) => AppClient.signIn(server.url, u, DEMO_PASSWORD)),
    );
    // Unmeasured warm-up: the first request to each route loads its compiled bundle, seconds of
    // synchronous work that a server in service has long done (it showed as one 25 s health stall).
    await countyMonitor.query("record.list", { regionCode: COUNTY, pageSize: 20, cursor: null });
    await cityMonitor.query("metrics.overview", { regionCode: COUNTY.slice(0, 4) });
    await leader.query("ranking.peers", { parentCode: COUNTY.slice(0, 4) });
    await fetch(`${server.url}/api/ledger/import?job=warm-up`, { signal: AbortSignal.timeout(120_000) });
    const latencies = new Map<Operation, number[]>();
    const errors: string[] = [];
    const created: string[] = [];
    const health: number[] = [];
    let running = true;

    const probe = (async () => {
      while (running) {
        const started = performance.now();
        const ok = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(60_000) }).then(
          (r) => r.ok,
          () => false,
        );
        health.push(performance.now() - started);
        if (!ok) errors.push("/api/health 未正常应答");
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const importStarted = performance.now();
    let importSeconds = Number.NaN;
    const importing = cityMonitor.importLedger("CERTIFICATE", "load.xlsx", ledger).then((result) => {
      importSeconds = (performance.now() - importStarted) / 1000;
      return result;
    });
    importing.catch(() => {}); // awaited after the clients; a failure must not end the process before then

    const until = Date.now() + options.seconds * 1000;
    const client = async (n: number) => {
      let cursor: string | null = null;
      for (let i = 0; Date.now() < until; i += 1) {
        await new Promise((r) => setTimeout(r, 250 + Math.random() * 1500));
        const pick = Math.random();
        const op: Operation =
          pick < 0.4 ? "record.list" : pick < 0.6 ? "record.create" : pick < 0.8 ? "metrics.overview" : "ranking.peers";
        const started = performance.now();
        try {
          if (op === "record.list") {
            // Half the pages are a next page, which the records page asks without its total (it shows the first page's).
            const next = Math.random() < 0.5 ? cursor : null;
            const page: { nextCursor: string | null } = await countyMonitor.query(op, {
              regionCode: COUNTY,
              pageSize: 20,
              cursor: next,
              count: next === null,
            });
            cursor = page.nextCursor;
          } else if (op === "record.create") {
            const record = await countyMonitor.mutate<{ id: string }>(op, {
              kind: "FORM",
              departmentId: departments[(n + i) % departments.length],
              scopeRegionCode: villages[(n * 7 + i) % villages.length],
              title: `压力测试表格${n}-${i}`,
              units: 1,
              occurredOn: new Date().toISOString().slice(0, 10),
            });
            created.push(record.id);
          } else if (op === "metrics.overview") {
            await cityMonitor.query(op, { regionCode: COUNTY.slice(0, 4) });
          } else {
            await leader.query(op, { parentCode: COUNTY.slice(0, 4) });
          }
          const took = performance.now() - started;
          const list = latencies.get(op);
          if (list) list.push(took);
          else latencies.set(op, [took]);
        } catch (error) {
          // "fetch failed" alone does not say whether the server refused, reset or never answered.
          const cause = (error as { cause?: { code?: string } }).cause?.code;
          errors.push(`${op}: ${error instanceof Error ? error.message : String(error)}${cause ? `（${cause}）` : ""}`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
    const loadEnded = performance.now();
    // A failed import is an error of the run, not the end of it: the other numbers are still printed.
    const imported = await importing.catch((error: unknown) => {
      errors.push(`导入：${error instanceof Error ? error.message : String(error)}`);
      return { inserted: 0 };
    });
    running = false;
    await probe;

    const after = await db.burdenRecord.count();
    const found = await db.burdenRecord.count({ where: { id: { in: created } } });
    const lost = Math.max(created.length - found, before + created.length + imported.inserted - after);
    const overlap = Math.min(1, (loadEnded - importStarted) / 1000 / importSeconds);
    const requests = [...latencies.values()].reduce((n, l) => n + l.length, 0);
    if (errors.length) console.log(`负载测试错误（前 10 条）：\n${errors.slice(0, 10).join("\n")}`);

    const suite = `负载测试 (${PROVIDER_LABEL[provider]})`;
    const setting = `${options.clients} 个客户端 ${options.seconds} 秒，区县 ${options.records.toLocaleString("zh-CN")} 条记录`;
    const list = latencies.get("record.list") ?? [];
    const p = (op: Operation, q: number) => percentile(latencies.get(op) ?? [], q);
    return [
      {
        suite,
        metric: `${setting}：错误数`,
        value: errors.length,
        unit: "次",
        higherIsBetter: false,
        target: "0",
        pass: errors.length === 0,
        note: `共 ${requests.toLocaleString("zh-CN")} 次请求（${(requests / options.seconds).toFixed(0)} 次/秒）`,
      },
      {
        suite,
        metric: "丢失的写入（事后计数）",
        value: lost,
        unit: "条",
        higherIsBetter: false,
        target: "0",
        pass: lost === 0,
        note: `新增 ${created.length} 条 + 导入 ${imported.inserted.toLocaleString("zh-CN")} 行，库中 ${after.toLocaleString("zh-CN")} 条`,
      },
      {
        suite,
        metric: "/api/health p99",
        value: percentile(health, 0.99),
        unit: "毫秒",
        higherIsBetter: false,
        target: "< 1000 毫秒",
        pass: health.length > 0 && percentile(health, 0.99) < 1000,
        note: `中位数 ${percentile(health, 0.5).toFixed(0)}，最大 ${Math.max(...health).toFixed(0)} 毫秒，${health.length} 次`,
      },
      {
        suite,
        metric: "record.list p95",
        value: percentile(list, 0.95),
        unit: "毫秒",
        higherIsBetter: false,
        target: "< 300 毫秒",
        pass: list.length > 0 && percentile(list, 0.95) < 300,
        note: `中位数 ${percentile(list, 0.5).toFixed(0)} 毫秒，${list.length} 次`,
      },
      {
        suite,
        metric: "其他请求 p95：record.create / metrics.overview / ranking.peers",
        value: Math.max(p("record.create", 0.95), p("metrics.overview", 0.95), p("ranking.peers", 0.95)),
        unit: "毫秒",
        higherIsBetter: false,
        note: `${p("record.create", 0.95).toFixed(0)} / ${p("metrics.overview", 0.95).toFixed(0)} / ${p("ranking.peers", 0.95).toFixed(0)} 毫秒`,
      },
      {
        suite,
        metric: `同时进行的 ${options.importRows.toLocaleString("zh-CN")} 行台账导入`,
        value: importSeconds,
        unit: "秒",
        higherIsBetter: false,
        note: `负载覆盖导入时长的 ${(overlap * 100).toFixed(0)}%`,
      },
    ];
  });
}
