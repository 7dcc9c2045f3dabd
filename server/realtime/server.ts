import type { Server as HttpServer } from "node:http";
import { Server, type DefaultEventsMap, type Socket } from "socket.io";
import { sessionFromHeaders, type SessionUser } from "../auth";
import { bus } from "../bus";
import { DEPARTMENT_ACCOUNTS_ROOM, departmentRoom, regionRoom, roomsForRegionEvent, sessionRoom } from "./rooms";

export interface SocketData {
  user: SessionUser;
  sessionToken: string;
}

export type RealtimeServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

// Shared with Next's bundles through globalThis (they load this module separately).
const globalForIo = globalThis as typeof globalThis & { __burdenIo?: RealtimeServer; __burdenIoCleanup?: () => void };

function headersOf(socket: Socket): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(socket.request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  return headers;
}

export function attachRealtime(httpServer: HttpServer): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, { path: "/socket.io", serveClient: false });

  // Only a valid session may connect; the cookie travels with the handshake.
  io.use(async (socket, next) => {
    try {
      const session = await sessionFromHeaders(headersOf(socket));
      if (!session) return next(new Error("UNAUTHORIZED：请先登录"));
      socket.data.user = session.user;
      socket.data.sessionToken = session.token;
      next();
    } catch {
      next(new Error("UNAUTHORIZED：会话校验失败"));
    }
  });

  io.on("connection", (socket) => {
    const { user } = socket.data;
    void socket.join([regionRoom(user.regionCode), sessionRoom(socket.data.sessionToken)]);
    if (user.role === "department" && user.departmentId) void socket.join([DEPARTMENT_ACCOUNTS_ROOM, departmentRoom(user.departmentId)]);
    socket.emit("session:ready", { regionCode: user.regionCode, role: user.role });
  });

  // Through the adapter this reaches the session's sockets on every instance.
  const stopSessions = bus.on("session:ended", (token) => io.in(sessionRoom(token)).disconnectSockets(true));
  const stopEvents = bus.on("region:event", (regionCode, event, payload) => io.to(roomsForRegionEvent(regionCode)).emit(event, payload));
  globalForIo.__burdenIo = io;
  globalForIo.__burdenIoCleanup = () => {
    stopSessions();
    stopEvents();
  };
  return io;
}

export function getRealtime(): RealtimeServer | undefined {
  return globalForIo.__burdenIo;
}

/** Pushes an event to every socket whose jurisdiction contains `regionCode` (services emit "region:event" on the bus instead). */
export function publishToRegion(regionCode: string, event: string, payload: unknown): void {
  bus.emit("region:event", regionCode, event, payload);
}

export async function closeRealtime(): Promise<void> {
  const io = globalForIo.__burdenIo;
  globalForIo.__burdenIo = undefined;
  globalForIo.__burdenIoCleanup?.();
  globalForIo.__burdenIoCleanup = undefined;
  if (io) await io.close();
}
