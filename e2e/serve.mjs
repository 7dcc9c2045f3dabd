// Builds when stale, then serves the app on a fresh demo database for the e2e suite.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";

const database = "data/e2e.db";
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(database + suffix, { force: true });
execFileSync("npx", ["tsx", "server/cli/build-if-stale.ts"], { stdio: "inherit" });
const server = spawn("npx", ["tsx", "server/index.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${database}`,
    // The specs' webhook receivers listen on loopback, which channels reach only when listed.
    CHANNEL_ALLOWED_HOSTS: "127.0.0.1",
  },
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
