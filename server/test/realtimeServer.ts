import { createServer, type Server } from "node:http";
import { registerAlertHandlers } from "../realtime/alertHandlers";
import { attachRealtime, closeRealtime } from "../realtime/server";

/** The socket server alone, stopped and started again on the same port, so that clients reconnect by themselves. */
export function restartableRealtimeServer() {
  let server: Server | null = null;
  let port = 0;
  return {
    url: () => `http://127.0.0.1:${port}`,
    running: () => server !== null,
    async start() {
      server = createServer();
      registerAlertHandlers(attachRealtime(server));
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
      port = (server.address() as { port: number }).port;
    },
    async stop() {
      await closeRealtime();
      await new Promise((r) => server!.close(r));
      server = null;
    },
  };
}
