// A SQLite connection's thread (sqliteThread.ts), as a reader (query-only) or as the writer: the same
// Prisma adapter the main thread would use, so rows, column types and errors come back exactly as
// they would there, but the statement runs here and the main thread's event loop keeps serving
// while it does. Plain JavaScript: it needs no TypeScript loader, so it starts in milliseconds.
import { parentPort, workerData } from "node:worker_threads";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

const { file, timeout, role } = workerData;

// What the main thread may ask of the connection or of one of its transactions.
const METHODS = new Set([
  "queryRaw",
  "executeRaw",
  "executeScript",
  "startTransaction",
  "commit",
  "rollback",
  "createSavepoint",
  "rollbackToSavepoint",
  "releaseSavepoint",
  "dispose",
]);

function plainError(error) {
  return {
    name: error?.name ?? "Error",
    message: error?.message ?? String(error),
    // A DriverAdapterError carries what went wrong as a plain object Prisma maps to its own errors.
    cause: error?.name === "DriverAdapterError" ? error.cause : undefined,
  };
}

try {
  const connection = await new PrismaBetterSqlite3({ url: file, timeout, fileMustExist: role === "reader" }).connect();
  if (role === "reader") await connection.executeRaw({ sql: "PRAGMA query_only = ON", args: [], argTypes: [] });
  // The main thread names a transaction by the number it was given when the transaction began.
  const transactions = new Map();
  let nextTransaction = 0;
  parentPort.on("message", async ({ id, method, arg, transaction }) => {
    try {
      const target = transaction === undefined ? connection : transactions.get(transaction);
      if (!target || !METHODS.has(method)) throw new Error(`数据库线程无法执行 ${method}：事务不存在或已结束`);
      let result = await target[method](arg);
      if (method === "startTransaction") {
        transactions.set(nextTransaction, result);
        result = { transaction: nextTransaction++, options: result.options };
      } else if (method === "commit" || method === "rollback") {
        transactions.delete(transaction);
      }
      parentPort.postMessage({ id, ok: true, result });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, error: plainError(error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: plainError(error) });
}
