// Opt-in timing of every request for the load bench (REQUEST_TIMING_FILE=path): how long the server
// held each request, from its arrival to the last byte written, and the event loop's delay over the
// run. Set against the client's latencies it tells a queue inside the server from one outside it.
import fs from "node:fs";
import type { ServerResponse } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

interface Timed {
  path: string;
  at: number;
  ms: number;
}

export function requestTimer(file = process.env.REQUEST_TIMING_FILE) {
  if (!file) return null;
  const timed: Timed[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const origin = performance.now();
  return {
    track(res: ServerResponse, path: string) {
      const started = performance.now();
      const name = path.startsWith("/api/trpc/") ? `trpc:${path.slice(10)}` : path;
      res.once("finish", () => timed.push({ path: name, at: started - origin, ms: performance.now() - started }));
    },
    /** Written when the server closes. */
    flush() {
      loop.disable();
      const ms = (ns: number) => Math.round(ns / 1e5) / 10;
      const delay = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
      fs.writeFileSync(file, JSON.stringify({ eventLoopDelayMs: delay, requests: timed }));
    },
  };
}
