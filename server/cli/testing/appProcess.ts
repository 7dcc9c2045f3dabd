import { spawn } from "node:child_process";

/**
 * The custom server (server/index.ts) of the production build as a child process, output piped.
 * Node itself, not an npx wrapper, so that killing the process kills the server. The bench's
 * load suite and the two-instance e2e cluster start it the same way.
 */
export function spawnAppProcess(port: number, env: Record<string, string>, nodeFlags: string[] = []) {
  return spawn(process.execPath, [...nodeFlags, "--import", "tsx", "server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
