import { createServer, type Server } from "node:http";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import { registerAlertHandlers } from "../realtime/alertHandlers";
import { attachRealtime, closeRealtime } from "../realtime/server";

/**
 * The socket server alone, stopped and started again on the same port, so that clients reconnect by themselves.
 * `alertHandlers: false` leaves out the alert replay, for tests of the handshake and rooms alone.
 */
export function restartableRealtimeServer({ alertHandlers = true } = {}) {
  let server: Server | null = null;
  let port = 0;
  return {
    url: () => `http://127.0.0.1:${port}`,
    running: () => server !== null,
    async start() {
      server = createServer();
      const io = attachRealtime(server);
      if (alertHandlers) registerAlertHandlers(io);
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

/** A socket server for the enclosing describe block: started before its tests, stopped (with its clients) after. */
export function useRealtimeServer(options: { alertHandlers?: boolean } = {}) {
  const realtime = restartableRealtimeServer(options);
  const sockets: Socket[] = [];
  beforeAll(() => realtime.start());
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await realtime.stop();
  });
  return {
    /**
     * A client with `cookie` (none: anonymous), once the server says its session is ready; `listen` attaches
     * handlers before that, so events sent on connecting (a replay) are not missed. A refusal rejects.
     */
    async connect(cookie?: string, listen?: (socket: Socket) => void): Promise<Socket> {
      const socket = connect(realtime.url(), {
        path: "/socket.io",
        transports: ["websocket"],
        extraHeaders: cookie ? { cookie } : {},
        reconnection: false,
      });
      sockets.push(socket);
      listen?.(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("session:ready", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    },
  };
}
