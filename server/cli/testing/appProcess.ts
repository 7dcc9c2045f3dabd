import { spawn } from "node:child_process";
import { EXIT_WITH_PARENT_ENV } from "../../exitWithParent";

export interface AppProcessOptions {
  /** Node flags before the entry (a CPU profile for the bench). */
  nodeFlags?: string[];
  /**
   * The server ends when this process does, however it dies (server/exitWithParent.ts): for test launchers,
   * whose servers outlived a runner killed with SIGKILL and kept the next run from their ports.
   */
  exitWithParent?: boolean;
  /** The script Node runs; the app's custom server unless a test stands something smaller in for it. */
  entry?: string;
}

/**
 * The custom server (server/index.ts) of the production build as a child process, output piped.
 * Node itself, not an npx wrapper, so that killing the process kills the server. The bench's
 * load suite and the two-instance e2e cluster start it the same way.
 */
export function spawnAppProcess(port: number, env: Record<string, string>, options: AppProcessOptions = {}) {
  const { nodeFlags = [], exitWithParent = false, entry = "server/index.ts" } = options;
  return spawn(process.execPath, [...nodeFlags, "--import", "tsx", entry], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      [EXIT_WITH_PARENT_ENV]: exitWithParent ? "1" : "0",
      ...env,
    },
    stdio: [exitWithParent ? "pipe" : "ignore", "pipe", "pipe"],
  });
}
