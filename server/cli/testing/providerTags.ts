// Which integration files run a second time on PostgreSQL. Each file says so on a
// tag line, with its reason, so that leaving a file to SQLite alone is a decision:
//   // @providers: sqlite — <why the database cannot change the outcome>
//   // @providers: sqlite, postgresql covers db/bulk.ts, db/client.ts — <why>
// Modules whose behaviour depends on the database (raw SQL, dialect branches,
// string filters whose case and collation rules differ) must each be claimed by
// a file that runs on PostgreSQL and really imports them (providerTags.test.ts).
import fs from "node:fs";
import path from "node:path";

export type ProviderTag =
  | { providers: "sqlite"; reason: string }
  | { providers: "sqlite, postgresql"; covers: string[]; reason: string };

const TAG_LINE = /^\/\/ @providers: (sqlite|sqlite, postgresql)(?: covers ([^—]+?))? — (\S.*)$/;

/** The file's tag, or a Chinese message saying what is wrong with it. */
export function parseProviderTag(source: string): ProviderTag | { error: string } {
  const lines = source.split("\n").filter((line) => line.startsWith("// @providers"));
  if (lines.length === 0) return { error: "缺少 // @providers: 标注（写明是否也在 PostgreSQL 上运行及理由）" };
  if (lines.length > 1) return { error: "有多行 // @providers: 标注，只能有一行" };
  const match = TAG_LINE.exec(lines[0]!.trimEnd());
  if (!match)
    return {
      error: `标注格式不对：“${lines[0]}”，应为 // @providers: sqlite — 理由，或 // @providers: sqlite, postgresql covers 模块 — 理由`,
    };
  const [, providers, covers, reason] = match;
  if (providers === "sqlite") {
    if (covers) return { error: "只在 SQLite 上运行的文件不能声明 covers" };
    return { providers, reason: reason! };
  }
  return {
    providers: "sqlite, postgresql",
    covers: (covers ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
    reason: reason!,
  };
}

/** Code in a test file itself that only PostgreSQL can check (raw SQL, dialect, the provider in use). */
const PROVIDER_SPECIFIC_IN_TEST = /\$queryRaw|\$executeRaw|dialectOf\(|testProvider|config\.provider|pg_/;

/** Code in a module whose result can differ between SQLite and PostgreSQL. */
const PROVIDER_SPECIFIC_IN_MODULE =
  /\$queryRaw|\$executeRaw|dialectOf\(|provider (===|!==)|from "pg"|contains:|startsWith:|endsWith:|mode: "insensitive"/;

export function testSpecificToProvider(source: string): boolean {
  return PROVIDER_SPECIFIC_IN_TEST.test(source);
}

export function moduleSpecificToProvider(source: string): boolean {
  return PROVIDER_SPECIFIC_IN_MODULE.test(source);
}

const IMPORT = /(?:from|import)\s*\(?\s*"([^"]+)"/g;

/** The test harness: every file imports it, so what it imports says nothing about what a file tests. */
const HARNESS = ["server/test/testDb.ts", "server/test/templates.ts"];

/**
 * Files of the project that `file` imports, directly or through others (relative and `@/`
 * imports), not looking inside the harness.
 */
export function reachableModules(root: string, file: string): Set<string> {
  const seen = new Set<string>();
  const pending = [path.resolve(file)];
  const harness = new Set(HARNESS.map((name) => path.join(root, name)));
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    if (harness.has(current)) continue;
    for (const [, specifier] of fs.readFileSync(current, "utf8").matchAll(IMPORT)) {
      const target = resolveImport(root, current, specifier!);
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  seen.delete(path.resolve(file));
  return seen;
}

function resolveImport(root: string, from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  if (base.includes(`${path.sep}generated`)) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return undefined;
}

export const INTEGRATION_DIR = "server/test";

/** The integration files (relative to `root`), sorted. */
export function integrationFiles(root: string): string[] {
  return fs
    .readdirSync(path.join(root, INTEGRATION_DIR))
    .filter((name) => name.endsWith(".int.test.ts"))
    .sort()
    .map((name) => path.join(INTEGRATION_DIR, name));
}

/** The integration files tagged to run on PostgreSQL too; throws on a file without a valid tag. */
export function postgresFiles(root: string): string[] {
  return integrationFiles(root).filter((file) => {
    const tag = parseProviderTag(fs.readFileSync(path.join(root, file), "utf8"));
    if ("error" in tag) throw new Error(`${file}：${tag.error}`);
    return tag.providers === "sqlite, postgresql";
  });
}
