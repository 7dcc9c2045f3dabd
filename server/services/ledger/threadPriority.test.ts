import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { threadNice } from "./threadPriority";

describe.runIf(process.platform === "linux")("the import worker's thread priority", () => {
  it("is lowered for that thread alone, not for the server's main thread", async () => {
    const before = threadNice("thread-self")!;
    const worker = new Worker(new URL("./threadPriority.fixture.mjs", import.meta.url));
    try {
      const { lowered, tid } = await new Promise<{ lowered: boolean; tid: number }>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      expect(lowered).toBe(true);
      expect(threadNice(tid)).toBe(10);
      expect(threadNice("thread-self")).toBe(before);
    } finally {
      await worker.terminate();
    }
  });
});
