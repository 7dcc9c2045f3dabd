// The SQLite read connection's thread (sqliteReader.ts): the same Prisma adapter the main thread
// would use, so rows and column types come back exactly as they would there, but the statement runs
// here and the main thread's event loop keeps serving while it does. Plain JavaScript: it needs no
// TypeScript loader, so it starts in milliseconds.
import { parentPort, workerData } from "node:worker_threads";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

const { file, timeout } = workerData;

function plainError(error) {
  return {
    name: error?.name ?? "Error",
    message: error?.message ?? String(error),
    // A DriverAdapterError carries what went wrong as a plain object Prisma maps to its own errors.
    cause: error?.name === "DriverAdapterError" ? error.cause : undefined,
  };
}

try {
  const reader = await new PrismaBetterSqlite3({ url: file, timeout, fileMustExist: true }).connect();
  await reader.executeRaw({ sql: "PRAGMA query_only = ON", args: [], argTypes: [] });
  parentPort.on("message", async ({ id, op, query }) => {
    try {
      if (op === "close") {
        await reader.dispose();
        parentPort.postMessage({ id, ok: true });
        return;
      }
      const result = op === "query" ? await reader.queryRaw(query) : await reader.executeRaw(query);
      parentPort.postMessage({ id, ok: true, result });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, error: plainError(error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: plainError(error) });
}
