// Starts the stand-in server the way the e2e launcher starts the app (spawnAppProcess), passes on the line that
// names its pid and port, and then only waits to be killed. `--plain` leaves exitWithParent off.
import { spawnAppProcess } from "../appProcess";

const child = spawnAppProcess(
  0,
  {},
  { exitWithParent: process.argv[2] !== "--plain", entry: "server/cli/testing/exitWithParent/portHolder.ts" },
);
child.stdout!.pipe(process.stdout);
child.stderr!.pipe(process.stderr);
setInterval(() => {}, 60_000);
