// Event-to-socket latency: an alert event written to the database and pushed
// to 500 inspector sockets at 100 events per second, against a bare socket.io
// broadcast to the same sockets at the same rate, in the same run.
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { demoSessionUser } from "../../server/services/demo/rectification";
import { getAuth } from "../../server/auth";
import { closeRedis } from "../../server/cluster/redis";
import type { DatabaseProvider } from "../../server/db/config";
import { registerAlertHandlers } from "../../server/realtime/alertHandlers";
import { useRedisAdapter } from "../../server/realtime/clusterAdapter";
import { attachRealtime, closeRealtime } from "../../server/realtime/server";
import { noteAlert } from "../../server/services/alerts/alertActions";
import { evaluateAllCounties } from "../../server/services/alerts/alertScheduler";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "../../server/services/demoSeed";
import { BENCH_REDIS_URL, createBenchDb, percentile as pct, PROVIDER_LABEL } from "../databases";
import type { Measurement } from "../harness";

// The app's shared singletons (database client, auth) live on globalThis; each run points them at its own database.
const shared = globalThis as { __burdenDb?: unknown; __burdenAuth?: unknown };

/**
 * On PostgreSQL the server runs as in scale-out mode: events (and the bare
 * broadcast baseline) go through the Redis adapter.
 */
export async function realtimeBench(
  provider: DatabaseProvider,
  clients: number,
  eventsPerSecond: number,
  seconds: number,
): Promise<Measurement[]> {
  const bench = await createBenchDb(provider, "realtime");
  const { db } = bench;
  process.env.DATABASE_URL = bench.url;
  shared.__burdenDb = db;
  shared.__burdenAuth = undefined;
  await seedDemoIfEmpty(db, () => {});
  await evaluateAllCounties(db, 202611);
  const alert = await db.alert.findFirstOrThrow({ where: { regionCode: "220103" } });
  const inspector = await demoSessionUser(db, "inspector");

  const server = createServer();
  const realtime = attachRealtime(server);
  registerAlertHandlers(realtime);
  const cluster = provider === "postgresql" ? await useRedisAdapter(realtime, BENCH_REDIS_URL) : null;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const signIn = await getAuth().api.signInUsername({
    body: { username: "inspector", password: DEMO_PASSWORD },
    asResponse: true,
  });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;

  const child = fork(fileURLToPath(new URL("../realtimeClients.ts", import.meta.url)), [url, cookie, String(clients)], {
    execArgv: ["--import", "tsx"],
  });
  await new Promise<void>((resolve, reject) => {
    child.on("message", (m: { ready?: boolean; error?: string }) =>
      m.error ? reject(new Error(`客户端连接失败：${m.error}`)) : m.ready && resolve(),
    );
    child.on("exit", (code) => code !== 0 && reject(new Error(`客户端进程退出（${code}）`)));
  });

  // Events are raised on schedule by up to WRITERS concurrent writers, as by several users at
  // once: a slow write does not delay the next unless all writers are busy (then the achieved
  // rate, reported below, falls short of the rate asked).
  const WRITERS = 8;
  const run = async (emit: (i: number) => Promise<unknown> | undefined) => {
    const total = eventsPerSecond * seconds;
    const started = Date.now();
    const inFlight = new Set<Promise<unknown>>();
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / eventsPerSecond;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inFlight.size >= WRITERS) await Promise.race(inFlight);
      const write: Promise<unknown> = Promise.resolve(emit(i)).finally(() => inFlight.delete(write));
      inFlight.add(write);
    }
    await Promise.all(inFlight);
  };
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(process.memoryUsage().rss), 200);
  await run(() => void realtime.to("region:220103").emit("bench:bare", { sentAt: Date.now() }));
  const appStarted = performance.now();
  await run((i) => noteAlert(db, inspector, alert.id, `基准事件 ${i}`));
  const appSeconds = (performance.now() - appStarted) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // let the last events land
  const result = await new Promise<{ latencies: { app: number[]; bare: number[] } }>((resolve) => {
    child.on("message", (m: { latencies?: { app: number[]; bare: number[] } }) => m.latencies && resolve(m as never));
    child.send({ stop: true });
  });
  clearInterval(sampler);
  await closeRealtime();
  await cluster?.close();
  await closeRedis();
  server.close();
  shared.__burdenDb = undefined;
  shared.__burdenAuth = undefined;
  await bench.cleanup();

  const { app, bare } = result.latencies;
  const label = `${clients} 个督查员连接，${eventsPerSecond} 事件/秒`;
  const suite = provider === "postgresql" ? "事件推送延迟 (PostgreSQL + Redis 适配器)" : "事件推送延迟 (SQLite)";
  return [
    {
      suite,
      metric: `${label}：中位数`,
      value: pct(app, 0.5),
      unit: "毫秒",
      baseline: { label: "裸 socket.io 广播", value: pct(bare, 0.5) },
      higherIsBetter: false,
      note: `收到 ${app.length.toLocaleString("zh-CN")} 次；实际速率 ${((eventsPerSecond * seconds) / appSeconds).toFixed(0)} 事件/秒`,
    },
    {
      suite,
      metric: `${label}：p99`,
      value: pct(app, 0.99),
      unit: "毫秒",
      baseline: { label: "裸 socket.io 广播", value: pct(bare, 0.99) },
      higherIsBetter: false,
      target: "< 250 毫秒",
    },
    {
      suite: `服务进程内存 (${PROVIDER_LABEL[provider]})`,
      metric: "推送期间峰值 RSS（含客户端以外）",
      value: Math.max(...memory) / 2 ** 20,
      unit: "MiB",
      higherIsBetter: false,
      target: "< 1536 MiB",
    },
  ];
}
