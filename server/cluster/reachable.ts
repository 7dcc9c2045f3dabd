import net from "node:net";

/** The local services these machines run (trust auth, no password); each use may override them by environment. */
export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const LOCAL_REDIS_URL = "redis://127.0.0.1:6379";

const DEFAULT_PORTS: Record<string, number> = {
  "postgresql:": 5432,
  "postgres:": 5432,
  "redis:": 6379,
  "rediss:": 6379,
};

/** Whether something accepts TCP connections at the URL's host and port (within a second). */
export function isReachable(url: string): Promise<boolean> {
  const { hostname, port, protocol } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) || DEFAULT_PORTS[protocol] || 0 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}
