// One app server per Playwright worker slot, on its own copy of the seeded template: workers run side by side
// without seeing each other's records, alerts or sign-ins. Started by the global setup rather than by each
// worker, since Playwright replaces a worker after every failure and a start-up takes minutes on a loaded machine.
import fs from "node:fs";
import path from "node:path";
import { NAV_ITEMS } from "../app/_components/navigation";
import { spawnAppProcess } from "../server/cli/testing/appProcess";
import { waitHealthy } from "./health";
import { TEMPLATE_FILE, workerDataDir, workerPort } from "./layout";

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Asks for every page once as the admin (who may open all of them): Next loads a route's modules on its first
 * request, which took the first test on each server past its minute on a loaded machine. What the specs then
 * wait for is the app's own speed.
 */
async function warmUp(url: string) {
  const signIn = await fetch(`${url}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ username: "admin", password: "Demo2026" }),
  });
  if (!signIn.ok) throw new Error(`${url} 预热登录失败：${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  for (const href of ["/login", "/report", ...NAV_ITEMS.map((item) => item.href)])
    await (await fetch(`${url}${href}`, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
}

/** Starts the servers side by side; if one fails, the others are stopped. */
export async function startAppServers(count: number): Promise<AppServer[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, (_, slot) => startAppServer(slot)));
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (!failed) return servers;
  await Promise.all(servers.map((server) => server.stop()));
  throw failed.reason;
}

export async function startAppServer(parallelIndex: number): Promise<AppServer> {
  const dir = workerDataDir(parallelIndex);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const database = path.join(dir, "app.db");
  fs.copyFileSync(TEMPLATE_FILE, database);
  const port = workerPort(parallelIndex);
  const url = `http://127.0.0.1:${port}`;
  const child = spawnAppProcess(
    port,
    {
      DATABASE_URL: `file:${database}`,
      UPLOAD_DIR: path.join(dir, "uploads", "reports"),
      // The specs' webhook receivers listen on loopback, which channels reach only when listed.
      CHANNEL_ALLOWED_HOSTS: "127.0.0.1",
    },
    // The exit handler below cannot run when the runner is killed with SIGKILL; the server then ends by itself.
    { exitWithParent: true },
  );
  // The server's output goes to a file beside its database: the reporter shows it only when start-up fails.
  const log = fs.createWriteStream(path.join(dir, "server.log"));
  const tail: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk) => {
      log.write(chunk);
      tail.push(String(chunk));
      if (tail.length > 200) tail.shift();
    });
  // Should the runner exit with a test still running, no server is left holding its port.
  const orphaned = () => child.kill("SIGKILL");
  process.once("exit", orphaned);
  try {
    const t0 = Date.now();
    await waitHealthy(url, child, () => tail.join(""), 600_000);
    const t1 = Date.now();
    await warmUp(url);
    // Where the global setup's time goes, in the run's own output: start-up and warm-up both grow with the load.
    const seconds = (ms: number) => (ms / 1000).toFixed(0);
    console.log(`应用服务器 ${url}：启动 ${seconds(t1 - t0)} 秒，预热 ${seconds(Date.now() - t1)} 秒`);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        process.off("exit", orphaned);
        child.once("exit", () => log.end(resolve));
        child.kill("SIGTERM");
      }),
  };
}
