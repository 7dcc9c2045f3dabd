// The real custom server (server/index.ts, production build) in a child process, and a
// plain HTTP client for it: sign-in cookies, tRPC queries and mutations as the browser sends them.
import { type ChildProcess, execFileSync } from "node:child_process";
import { spawnAppProcess } from "../server/cli/testing/appProcess";

export interface AppServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
  /** The server's last output lines, for the error message when it fails. */
  tail(): string;
}

export async function startAppServer(databaseUrl: string, port: number): Promise<AppServer> {
  execFileSync("npx", ["tsx", "server/cli/build-if-stale.ts"], { stdio: "inherit" });
  const url = `http://127.0.0.1:${port}`;
  // Another server already answering there would be measured instead of ours (a run that died left one).
  const taken = await fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`端口 ${port} 已有服务在应答，请先停止它（或设置 BENCH_LOAD_PORT）`);
  // e.g. BENCH_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile of the server alone,
  // written when it stops (Node refuses --cpu-prof in NODE_OPTIONS).
  const flags = process.env.BENCH_SERVER_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const child = spawnAppProcess(
    port,
    {
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      DATABASE_URL: databaseUrl,
      DEMO_SEED: "0",
      AUTH_SECRET: "bench-load-secret-0123456789abcdef0123456789",
    },
    { nodeFlags: flags },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const tail = () => lines.slice(-40).join("\n");
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // However the bench ends (an error, Ctrl-C, process.exit), the server must not outlive it: a
  // server left on the port was measured instead of the next run's own.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const late = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(late);
  };
  const deadline = Date.now() + 300_000;
  try {
    for (;;) {
      const alive = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 500))]);
      if (!alive) throw new Error(`服务进程启动失败：\n${tail()}`);
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`服务进程 5 分钟内未就绪：\n${tail()}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, tail, stop };
}

/** Runs `measure` on `server`; a failure prints the server's last lines. Then the server stops and its database goes. */
export async function measureOn<T>(
  server: AppServer,
  database: { cleanup(): Promise<void> },
  measure: () => Promise<T>,
): Promise<T> {
  try {
    return await measure();
  } catch (error) {
    console.error(`服务进程输出（最后 40 行）：\n${server.tail()}`);
    throw error;
  } finally {
    await server.stop();
    await database.cleanup();
  }
}

export class TrpcError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One signed-in user of the running server. */
export class AppClient {
  private constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  static async signIn(url: string, username: string, password: string): Promise<AppClient> {
    const response = await fetch(`${url}/api/auth/sign-in/username`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (!response.ok || !cookie) throw new Error(`${username} 登录失败：HTTP ${response.status}`);
    return new AppClient(url, cookie);
  }

  private async answer<T>(response: Response): Promise<T> {
    const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
    if (!response.ok || !body.result) throw new TrpcError(response.status, body.error?.json.message ?? "未知错误");
    return body.result.data.json;
  }

  async query<T>(path: string, input: unknown): Promise<T> {
    const query = encodeURIComponent(JSON.stringify({ json: input }));
    const response = await fetch(`${this.url}/api/trpc/${path}?input=${query}`, {
      headers: { cookie: this.cookie },
      signal: AbortSignal.timeout(60_000),
    });
    return this.answer<T>(response);
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    const response = await fetch(`${this.url}/api/trpc/${path}`, {
      method: "POST",
      headers: { cookie: this.cookie, origin: this.url, "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
      signal: AbortSignal.timeout(60_000),
    });
    return this.answer<T>(response);
  }

  /** Uploads a ledger and waits for the import job to finish; its inserted row count. */
  async importLedger(kind: string, fileName: string, content: Buffer): Promise<{ inserted: number }> {
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", new Blob([new Uint8Array(content)]), fileName);
    const started = await fetch(`${this.url}/api/ledger/import`, {
      method: "POST",
      headers: { cookie: this.cookie, origin: this.url },
      body: form,
    });
    if (started.status !== 202) throw new Error(`导入未开始：HTTP ${started.status} ${await started.text()}`);
    const { jobId } = (await started.json()) as { jobId: string };
    for (let failures = 0; ; ) {
      await new Promise((r) => setTimeout(r, 500));
      // A dropped poll is retried: the import runs on in the server whatever happens to one request.
      const poll = await fetch(`${this.url}/api/ledger/import?job=${jobId}`, {
        headers: { cookie: this.cookie },
      }).catch((error: unknown) => {
        if (++failures > 20) throw error;
        return null;
      });
      if (!poll) continue;
      const job = (await poll.json()) as { result?: { inserted: number }; error?: string; finishedAt?: number };
      if (job.error) throw new Error(`导入失败：${job.error}`);
      if (job.result) return job.result;
    }
  }
}
