// Test fixture (threadPriority.test.ts): a worker thread that lowers its own priority and says which it is.
import fs from "node:fs";
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { lowerThisThreadPriority } = await import("./threadPriority.ts");
const lowered = lowerThisThreadPriority();
parentPort.postMessage({ lowered, tid: Number(fs.readlinkSync("/proc/thread-self").split("/").pop()) });
