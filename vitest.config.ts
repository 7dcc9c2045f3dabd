import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["server/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Seeds each template database once per run; files copy it (server/test/templates.ts).
    globalSetup: ["server/test/globalSetup.ts"],
    testTimeout: 30_000,
    // The first file to need a template seeds it inside its beforeAll (a minute or two on a busy machine).
    hookTimeout: 300_000,
  },
});
