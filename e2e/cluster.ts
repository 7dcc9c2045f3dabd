// Two app instances on one PostgreSQL database and one Redis, as behind a load
// balancer: the built app (the same build the other specs use), separate processes.
import type { ChildProcess } from "node:child_process";
import { createClient } from "redis";
import superjson from "superjson";
import { spawnAppProcess } from "../server/cli/testing/appProcess";
import { createDatabase, dropDatabase, withDatabase } from "../server/dbadmin/postgresAdmin";
import { waitHealthy } from "./health";
import { POSTGRES_URL, postgresTemplate, REDIS_URL } from "./postgresTemplate";

export { POSTGRES_URL, REDIS_URL };

export interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
  output: string[];
}

export interface Cluster {
  a: Instance;
  b: Instance;
  database: string;
  redisPrefix: string;
  jobTurns(job: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startCluster(ports: [number, number], env: Record<string, string> = {}): Promise<Cluster> {
  const database = `burden_e2e_${process.pid}_${Date.now()}`;
  const redisPrefix = `burden-e2e-${process.pid}-${Date.now()}`;
  // A copy of the run's seeded template when there is one; otherwise the instances migrate and seed it themselves.
  await createDatabase(POSTGRES_URL, database, (await postgresTemplate()) ?? undefined);
  const start = (name: string, port: number): Instance => {
    const child = spawnAppProcess(
      port,
      {
        DATABASE_URL: withDatabase(POSTGRES_URL, database),
        REDIS_URL,
        REDIS_PREFIX: redisPrefix,
        ...env,
      },
      { exitWithParent: true },
    );
    const instance: Instance = { name, url: `http://127.0.0.1:${port}`, process: child, output: [] };
    child.stdout!.on("data", (d) => instance.output.push(String(d)));
    child.stderr!.on("data", (d) => instance.output.push(String(d)));
    return instance;
  };
  // Both at once: start-up (migrations, demo seed) must serialise itself. On the seeded template that is quick;
  // the seeding itself was done by two start-ups at once (e2e/postgresTemplate.ts).
  const a = start("A", ports[0]);
  const b = start("B", ports[1]);
  try {
    await Promise.all([a, b].map((i) => waitHealthy(i.url, i.process, () => i.output.join(""), 300_000)));
  } catch (error) {
    for (const instance of [a, b]) instance.process.kill("SIGKILL");
    await dropDatabase(POSTGRES_URL, database).catch(() => {});
    throw error;
  }

  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  return {
    a,
    b,
    database,
    redisPrefix,
    jobTurns: async (job) => Number((await redis.get(`${redisPrefix}:job:${job}:turns`)) ?? 0),
    async stop() {
      const running = [a, b].filter((i) => i.process.exitCode === null && i.process.signalCode === null);
      await Promise.all(
        running.map(
          (i) =>
            new Promise((r) => {
              i.process.once("exit", r);
              i.process.kill("SIGTERM");
            }),
        ),
      );
      const keys = await redis.keys(`${redisPrefix}:*`);
      if (keys.length) await redis.del(keys);
      await redis.quit();
      await dropDatabase(POSTGRES_URL, database);
    },
  };
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(baseUrl: string, username: string, password = "Demo2026"): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in ${username} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Calls a tRPC mutation over HTTP, as the browser's client does. */
export async function mutate<T>(baseUrl: string, cookie: string, path: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const body = (await response.json()) as { result?: { data: { json: unknown; meta?: unknown } }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path} failed: ${response.status} ${JSON.stringify(body.error)}`);
  return superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]) as T;
}
