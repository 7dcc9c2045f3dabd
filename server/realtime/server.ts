import type { Server as HttpServer } from "node:http";
import { Server, type DefaultEventsMap, type Socket } from "socket.io";
import { sessionFromHeaders, type SessionUser } from "../auth";
import { bus } from "../bus";
import { reportRoomsFor, reportRoomsForEvent } from "./reportRooms";
import { getDb } from "../db/client";
import { API_SECURITY_HEADERS, originAllowed } from "../http/serverGuards";
import { DEPARTMENT_ACCOUNTS_ROOM, departmentRoom, regionRoom, roomsForRegionEvent, sessionRoom } from "./rooms";

export interface SocketData {
  user: SessionUser;
  sessionToken: string;
  expiresAt: number;
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
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // The cookie is same-site for every port of this host: the Origin tells a page on another port apart.
    allowRequest: (req, callback) =>
      callback(
        originAllowed(req.headers.origin, req.headers.host) ? null : "拒绝跨站连接",
        originAllowed(req.headers.origin, req.headers.host),
      ),
  });
  io.engine.on("initial_headers", (headers: Record<string, string>) => Object.assign(headers, API_SECURITY_HEADERS));
  io.engine.on("headers", (headers: Record<string, string>) => Object.assign(headers, API_SECURITY_HEADERS));

  // Only a valid session may connect; the cookie travels with the handshake.
  io.use(async (socket, next) => {
    try {
      const session = await sessionFromHeaders(headersOf(socket));
      if (!session) return next(new Error("UNAUTHORIZED：请先登录"));
      socket.data.user = session.user;
      socket.data.sessionToken = session.token;
      socket.data.expiresAt = session.expiresAt.getTime();
      next();
    } catch {
      next(new Error("UNAUTHORIZED：会话校验失败"));
    }
  });

  io.on("connection", (socket) => {
    const { user } = socket.data;
    void socket.join([regionRoom(user.regionCode), sessionRoom(socket.data.sessionToken), ...reportRoomsFor(user)]);
    if (user.role === "department" && user.departmentId)
      void socket.join([DEPARTMENT_ACCOUNTS_ROOM, departmentRoom(user.departmentId)]);
    socket.emit("session:ready", { regionCode: user.regionCode, role: user.role });
  });

  // Through the adapter this reaches the session's sockets on every instance.
  const stopSessions = bus.on("session:ended", (token) => io.in(sessionRoom(token)).disconnectSockets(true));
  const stopEvents = bus.on("region:event", (regionCode, event, payload) =>
    io.to(roomsForRegionEvent(regionCode)).emit(event, payload),
  );
  const stopReports = bus.on("reports:new", (regionCode, payload) =>
    io.to(reportRoomsForEvent(regionCode)).emit("directReports:new", payload),
  );
  const expiry = setInterval(() => void cutExpiredSockets(io), sessionCheckMs());
  expiry.unref();
  globalForIo.__burdenIo = io;
  globalForIo.__burdenIoCleanup = () => {
    stopSessions();
    stopEvents();
    stopReports();
    clearInterval(expiry);
  };
  return io;
}

const sessionCheckMs = () => Math.max(100, Number(process.env.SOCKET_SESSION_CHECK_MS) || 30_000);

/**
 * A socket outlives nothing: once its session's expiry passes, the session is read
 * again (it may have been extended by use) and the socket is cut if it is gone or expired.
 */
export async function cutExpiredSockets(io: RealtimeServer, now = Date.now()): Promise<number> {
  let cut = 0;
  for (const socket of io.of("/").sockets.values()) {
    if (socket.data.expiresAt > now) continue;
    const session = await getDb()
      .session.findUnique({ where: { token: socket.data.sessionToken }, select: { expiresAt: true } })
      .catch(() => null);
    if (session && session.expiresAt.getTime() > now) socket.data.expiresAt = session.expiresAt.getTime();
    else {
      socket.disconnect(true);
      cut++;
    }
  }
  return cut;
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
