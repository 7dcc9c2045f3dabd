import path from "node:path";
import { defineConfig } from "vitest/config";
import { UnitFirstSequencer } from "./server/test/sequencer";

const alias = { "@": path.resolve(import.meta.dirname) };

// Files that cannot share a module graph with others: they replace modules with vi.mock.
const ISOLATED_FILES = ["server/test/ledgerWorker.int.test.ts"];

const integration = {
  include: ["server/test/**/*.test.ts"],
  environment: "node",
  pool: "forks" as const,
  // A ceiling, not a speed claim: with two workers beside a build on a shared two-core
  // machine a 2 s request can take 30 s of wall time (catalogue and hardening did at load 30).
  testTimeout: 120_000,
  // The first file to need a template seeds it inside its beforeAll (a minute or two on a busy machine).
  hookTimeout: 300_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default on two cores is one worker; integration files wait on SQLite fsyncs,
    // PostgreSQL and the template builder's process, so a second worker fills that idle time.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    sequence: { sequencer: UnitFirstSequencer },
    // Seeds each template database once per run for both integration projects; files copy it
    // (server/test/templates.ts). On the root project so that both see the same templates.
    globalSetup: ["server/test/globalSetup.ts"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["server/**/*.test.ts"],
          exclude: ["server/test/**", "**/node_modules/**"],
          environment: "node",
          pool: "forks",
          // Pure code without module-level state worth resetting: one module graph per worker
          // instead of one per file (import was two thirds of the unit run).
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          exclude: [...ISOLATED_FILES, "**/node_modules/**"],
          // One module graph per worker: importing the API's graph was ≈ 6 s of CPU per file. Each file
          // starts from the process-wide state an isolated one would (server/test/freshGlobals.ts).
          isolate: false,
          setupFiles: ["server/test/freshGlobals.ts"],
        },
      },
      {
        resolve: { alias },
        test: { ...integration, name: "integration-isolated", include: ISOLATED_FILES },
      },
    ],
  },
});
