// Imported first by server/index.ts, so it holds even while the app is still starting (minutes on a loaded machine).
// A launcher that sets EXIT_WITH_PARENT=1 gives the server a pipe as its stdin: when the launcher dies, even by
// SIGKILL, which runs none of its exit handlers, the kernel closes the pipe and the server sees its stdin end.
// Without the variable (production, `npm start`) stdin is left alone: a closed terminal must not stop the app.
export const EXIT_WITH_PARENT_ENV = "EXIT_WITH_PARENT";

if (process.env[EXIT_WITH_PARENT_ENV] === "1") {
  // SIGTERM, not exit(): once started, the app's own handler (server/index.ts) closes it in order; before
  // that, the signal's default action ends the process.
  const leave = () => process.kill(process.pid, "SIGTERM");
  process.stdin.on("end", leave);
  process.stdin.on("error", leave);
  process.stdin.resume();
}
