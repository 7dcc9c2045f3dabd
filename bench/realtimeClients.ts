// Child process: N socket.io clients; reports the latency of every event they receive.
import { io } from "socket.io-client";

const [url, cookie, countArg] = process.argv.slice(2);
const count = Number(countArg);
const latencies: Record<string, number[]> = { app: [], bare: [] };
const sockets = Array.from({ length: count }, () =>
  io(url!, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie: cookie! }, reconnection: false }),
);
sockets.forEach((s) => {
  s.on("alerts:event", (e: { createdAt: string }) => latencies.app!.push(Date.now() - Date.parse(e.createdAt)));
  s.on("bench:bare", (e: { sentAt: number }) => latencies.bare!.push(Date.now() - e.sentAt));
});
try {
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve, reject) => {
          s.once("session:ready", () => resolve());
          s.once("connect_error", reject);
        }),
    ),
  );
} catch (error) {
  process.send!({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
process.send!({ ready: true });
// The parent says when its events are done; then report and leave.
process.on("message", (m: { stop?: boolean }) => {
  if (!m.stop) return;
  process.send!({ latencies }, () => {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  });
});
