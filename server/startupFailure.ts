/**
 * The plain Chinese sentence for a start-up failure a person can fix (a taken
 * port, a data folder or database file that cannot be written), or null for a
 * real bug, which keeps its stack trace.
 */
export function startupFailure(error: unknown, port: number): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "EADDRINUSE")
    return `端口 ${port} 已被占用。请关闭占用该端口的程序，或换一个端口：PORT=${port + 1} npm start。`;
  if (code === "EACCES" && /listen/.test(message)) return `没有权限监听端口 ${port}，请使用 1024 以上的端口。`;
  if (
    code === "SQLITE_CANTOPEN" ||
    code === "SQLITE_READONLY" ||
    /readonly database|unable to open database/i.test(message)
  ) {
    return `无法写入数据库文件（${message}）。请检查数据目录的权限，或用 DATABASE_URL=file:可写路径/app.db 指定其他位置。`;
  }
  if (code === "EACCES" || code === "EROFS" || code === "ENOTDIR")
    return `无法写入 ${(error as { path?: string }).path ?? "数据目录"}（${code}）。`;
  return null;
}
