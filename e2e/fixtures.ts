// The suite's `test`: each worker starts its own app server (e2e/appServer.ts) the first time a test needs
// a page, a context or a request, and every relative URL of that worker goes to it.
import { test as base } from "@playwright/test";
import { type AppServer, startAppServer } from "./appServer";
import { setAppOrigin } from "./helpers";

export const test = base.extend<object, { appServer: AppServer }>({
  appServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use, workerInfo) => {
      const server = await startAppServer(workerInfo.parallelIndex);
      setAppOrigin(server.url);
      await use(server);
      await server.stop();
    },
    // Start-up (Next, migrations check) takes tens of seconds beside the other worker on a loaded machine.
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ appServer }, use) => use(appServer.url),
});

export { expect } from "@playwright/test";
