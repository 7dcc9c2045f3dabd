import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { closeRedis, redisUrl } from "./cluster/redis";
import { closeDb, getDb, prepareDb } from "./db/client";
import { databaseConfig } from "./db/config";
import { applyMigrations } from "./dbadmin/migrate";
import { withAdvisoryLock } from "./dbadmin/postgresAdmin";
import { serveTrpc, isTrpcPath } from "./api/httpHandler";
import { handleHealth } from "./health";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "./http/clientAddress";
import { requestTimer } from "./http/requestTiming";
import { bodyLimitFor, enforceBodyLimit } from "./http/serverGuards";
import { registerAlertHandlers } from "./realtime/alertHandlers";
import { useRedisAdapter } from "./realtime/clusterAdapter";
import { attachRealtime, closeRealtime } from "./realtime/server";
import { ensureDefaultRules } from "./services/alerts/alertRules";
import { evaluateRecentMonths, startAlertScheduler } from "./services/alerts/alertScheduler";
import { startNotificationWorker } from "./services/notifications/worker";
import { startReportScheduler } from "./services/reports/scheduler";
import { seedDemoIfEmpty } from "./services/demoSeed";
import { installImportWorkers, stopImportWorkers } from "./services/ledger/importWorkers";
import { launchImportWorker } from "./services/ledger/importWorkerLauncher";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

export interface AppOptions {
  port: number;
  hostname?: string;
  dev?: boolean;
  seedDemo?: boolean;
  log?: (line: string) => void;
  /** Background escalation and scheduled rule evaluation; on by default. */
  scheduler?: boolean;
}

export interface RunningApp {
  server: HttpServer;
  port: number;
  close(): Promise<void>;
}

// Instances sharing one PostgreSQL database migrate and seed one at a time.
const STARTUP_LOCK = 720_002;

/** Scheduler intervals can be shortened for tests and demonstrations. */
function schedulerIntervals() {
  const ms = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && value >= 100 ? value : fallback;
  };
  return { escalationMs: ms("ESCALATION_EVERY_MS", 60_000), evaluationMs: ms("EVALUATION_EVERY_MS", 10 * 60_000) };
}

/** Migrates and, on an empty database, seeds the demo and evaluates its alerts (the e2e template is made with it). */
export async function prepareData(seedDemo: boolean, log: (line: string) => void) {
  const applied = await applyMigrations();
  if (applied.length) log(`已应用数据库迁移：${applied.join("，")}`);
  const db = getDb();
  await prepareDb(db);
  const seeded = seedDemo && (await seedDemoIfEmpty(db, log));
  await ensureDefaultRules(db);
  if (seeded) log(`演示数据已逐月评估预警规则：${await evaluateRecentMonths(db)} 个预警事件`);
}

/** prepareData as an instance runs it at start-up: on PostgreSQL, instances starting together take turns. */
export async function prepareForStart(seedDemo: boolean, log: (line: string) => void) {
  const config = databaseConfig();
  if (config.provider === "postgresql")
    await withAdvisoryLock(config.location, STARTUP_LOCK, () => prepareData(seedDemo, log));
  else await prepareData(seedDemo, log);
}

/** Migrates, seeds the demo region on an empty database, then serves Next, tRPC and socket.io on one port. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const log = options.log ?? console.log;
  await prepareForStart(options.seedDemo ?? true, log);
  const db = getDb();

  // Before Next loads: its bundled routes find the import worker's source through this (importWorkers.ts).
  installImportWorkers(launchImportWorker);
  const nextApp = next({ dev: options.dev ?? false, dir: ROOT, hostname: options.hostname, port: options.port });
  const handle = nextApp.getRequestHandler();
  await nextApp.prepare();

  const proxies = trustedProxies();
  const timer = requestTimer();
  const server = createServer((req, res) => {
    // Decided once here; route handlers and better-auth read only this header.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      proxies,
    );
    const path = req.url?.split("?")[0] ?? "/";
    timer?.track(res, path);
    if (!enforceBodyLimit(req, res, bodyLimitFor(path))) return;
    if (req.method === "GET" && path === "/api/health") {
      void handleHealth(req, res);
      return;
    }
    if (isTrpcPath(path)) {
      void serveTrpc(req, res);
      return;
    }
    void handle(req, res);
  });
  const io = attachRealtime(server);
  registerAlertHandlers(io);
  const sharedRedis = redisUrl();
  const cluster = sharedRedis ? await useRedisAdapter(io, sharedRedis) : null;
  if (cluster)
    log(`多实例模式：socket.io 经 Redis 转发（${cluster.mode === "sharded" ? "分片发布订阅" : "普通发布订阅"}）`);
  const scheduler = options.scheduler === false ? null : startAlertScheduler(db, log, schedulerIntervals());
  const background =
    options.scheduler === false ? [] : [startNotificationWorker(db, log), startReportScheduler(db, log)];
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      scheduler?.stop();
      for (const job of background) job.stop();
      await closeRealtime();
      await stopImportWorkers();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await nextApp.close?.();
      await cluster?.close();
      await closeRedis();
      await closeDb();
      timer?.flush();
    })();
    return closing;
  };
  return { server, port, close };
}
