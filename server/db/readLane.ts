// The dashboards' long reads (a city's department league: 1–2 s a statement on SQLite for a
// 300,000-record county) are marked in their SQL, and on SQLite they queue on one read thread, so
// they never fill every read thread while the session lookup and the page of a list wait behind them
// (issue #14's load test: a session read waited 1.4 s, record.list p95 500–800 ms on SQLite). A mark
// in the text and not a request context: Prisma's client does not carry AsyncLocalStorage into the adapter.
export const BACKGROUND_READ = "/* background read */";

export function isBackgroundRead(sql: string): boolean {
  return sql.startsWith(BACKGROUND_READ);
}
