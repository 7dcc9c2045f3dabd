// Entry of the ledger import worker. On Node 20 a worker's own entry is not passed through loaders
// given in `execArgv`, so this plain module registers tsx itself and then loads the TypeScript entry;
// the same file works under the custom server (tsx), under Vitest and from Next's bundled routes.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
