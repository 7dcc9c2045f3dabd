import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import readline from "node:readline";
import { afterEach, describe, expect, it } from "vitest";

const LAUNCHER = "server/cli/testing/exitWithParent/launcher.ts";
// Two Node start-ups with tsx each, on a shared two-core machine.
const TIMEOUT = 120_000;

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, "SIGKILL");
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/** Starts the launcher and resolves with its server's pid and port once that server listens. */
async function launch(...args: string[]): Promise<{ launcher: ChildProcess; pid: number; port: number }> {
  const launcher = spawn(process.execPath, ["--import", "tsx", LAUNCHER, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.push(launcher.pid!);
  const lines = readline.createInterface({ input: launcher.stdout! });
  const { pid, port } = await new Promise<{ pid: number; port: number }>((resolve, reject) => {
    lines.once("line", (line) => resolve(JSON.parse(line)));
    launcher.once("exit", (code) => reject(new Error(`启动器提前退出（退出码 ${code}）`)));
  });
  started.push(pid);
  return { launcher, pid, port };
}

const killHard = (launcher: ChildProcess) =>
  new Promise<void>((resolve) => {
    launcher.once("exit", () => resolve());
    launcher.kill("SIGKILL");
  });

describe("a test launcher killed with SIGKILL leaves no server on its port", () => {
  it(
    "the server started with exitWithParent stops and frees its port",
    async () => {
      const { launcher, pid, port } = await launch();
      expect(await listening(port)).toBe(true);
      await killHard(launcher);
      await expect.poll(() => listening(port), { timeout: 60_000 }).toBe(false);
      await expect.poll(() => alive(pid), { timeout: 60_000 }).toBe(false);
    },
    TIMEOUT,
  );

  it(
    "without it the server outlives its launcher (what the option is for)",
    async () => {
      const { launcher, port } = await launch("--plain");
      await killHard(launcher);
      expect(await listening(port)).toBe(true);
    },
    TIMEOUT,
  );

  it("the app's entry loads the watcher before anything else", () => {
    const first = fs.readFileSync("server/index.ts", "utf8").split("\n")[0];
    expect(first).toBe('import "./exitWithParent";');
  });
});
