// Whether the production build is older than the code it is built from (server/cli/build-if-stale.ts).
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "next.config.js", "package-lock.json", "tsconfig.json"];
// Tests and command-line tools are not part of the build: editing one must not cost a rebuild (minutes on two
// shared cores). Names are skipped anywhere, paths only from the root.
const IGNORED_NAMES = new Set(["generated", "node_modules", "test"]);
const IGNORED_PATHS = new Set([path.join("server", "cli")]);
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function newestMtime(root: string, entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full) || isTest(entry)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(full)) {
    const relative = path.join(entry, child);
    if (!IGNORED_NAMES.has(child) && !IGNORED_PATHS.has(relative))
      newest = Math.max(newest, newestMtime(root, relative));
  }
  return newest;
}

export function buildIsFresh(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  return builtAt > Math.max(...SOURCES.map((source) => newestMtime(root, source)));
}
