// One app server per Playwright worker, on its own copy of the seeded template: workers run side by side
// without seeing each other's records, alerts or sign-ins.
import fs from "node:fs";
import path from "node:path";
import { spawnAppProcess } from "../server/cli/testing/appProcess";
import { waitHealthy } from "./health";
import { TEMPLATE_FILE, workerDataDir, workerPort } from "./layout";

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

export async function startAppServer(parallelIndex: number): Promise<AppServer> {
  const dir = workerDataDir(parallelIndex);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const database = path.join(dir, "app.db");
  fs.copyFileSync(TEMPLATE_FILE, database);
  const port = workerPort(parallelIndex);
  const url = `http://127.0.0.1:${port}`;
  const child = spawnAppProcess(port, {
    DATABASE_URL: `file:${database}`,
    UPLOAD_DIR: path.join(dir, "uploads", "reports"),
    // The specs' webhook receivers listen on loopback, which channels reach only when listed.
    CHANNEL_ALLOWED_HOSTS: "127.0.0.1",
  });
  // The server's output goes to a file beside its database: the reporter shows it only when start-up fails.
  const log = fs.createWriteStream(path.join(dir, "server.log"));
  const tail: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk) => {
      log.write(chunk);
      tail.push(String(chunk));
      if (tail.length > 200) tail.shift();
    });
  try {
    await waitHealthy(url, child, () => tail.join(""), 300_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => log.end(resolve));
        child.kill("SIGTERM");
      }),
  };
}
