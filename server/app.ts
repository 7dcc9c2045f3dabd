import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { closeDb, getDb, prepareDb } from "./db/client";
import { applyMigrations } from "./db/migrate";
import { handleHealth } from "./health";
import { registerAlertHandlers } from "./realtime/alertHandlers";
import { attachRealtime, closeRealtime } from "./realtime/server";
import { ensureDefaultRules } from "./services/alertRules";
import { startAlertScheduler } from "./services/alertScheduler";
import { seedDemoIfEmpty } from "./services/demoSeed";

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

/** Migrates, seeds the demo region on an empty database, then serves Next, tRPC and socket.io on one port. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const log = options.log ?? console.log;
  const applied = await applyMigrations();
  if (applied.length) log(`已应用数据库迁移：${applied.join("，")}`);
  const db = getDb();
  await prepareDb(db);
  if (options.seedDemo ?? true) await seedDemoIfEmpty(db, log);
  await ensureDefaultRules(db);

  const nextApp = next({ dev: options.dev ?? false, dir: ROOT, hostname: options.hostname, port: options.port });
  const handle = nextApp.getRequestHandler();
  await nextApp.prepare();

  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url?.split("?")[0] === "/api/health") {
      void handleHealth(req, res);
      return;
    }
    void handle(req, res);
  });
  registerAlertHandlers(attachRealtime(server));
  const scheduler = options.scheduler === false ? null : startAlertScheduler(db, log);
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      scheduler?.stop();
      await closeRealtime();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await nextApp.close?.();
      await closeDb();
    })();
    return closing;
  };
  return { server, port, close };
}
