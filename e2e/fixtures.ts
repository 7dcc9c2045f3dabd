// The suite's `test`: every relative URL of a worker goes to that worker's own app server, which the global
// setup started on a copy of the seeded template (e2e/appServer.ts), so workers never see each other's data.
import { test as base } from "@playwright/test";
import { setAppOrigin } from "./helpers";
import { workerPort } from "./layout";

export const test = base.extend<object, { appUrl: string }>({
  appUrl: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use, workerInfo) => {
      // A worker that replaces a failed one keeps its slot (parallelIndex), and so its server.
      const url = `http://127.0.0.1:${workerPort(workerInfo.parallelIndex)}`;
      setAppOrigin(url);
      await use(url);
    },
    { scope: "worker" },
  ],
  baseURL: async ({ appUrl }, use) => use(appUrl),
});

export { expect } from "@playwright/test";
