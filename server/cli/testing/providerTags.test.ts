import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  integrationFiles,
  moduleSpecificToProvider,
  parseProviderTag,
  postgresFiles,
  reachableModules,
  testSpecificToProvider,
} from "./providerTags";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SERVER = path.join(ROOT, "server");

/** Provider-specific modules no tagged file claims, each with where it is exercised or why it need not be. */
const CLAIMED_ELSEWHERE: Record<string, string> = {
  "app.ts": "启动时的 PostgreSQL 咨询锁：e2e/scaleout.spec.ts 让两个实例同时在一个 PostgreSQL 库上启动",
  "dbadmin/postgresAdmin.ts": "PostgreSQL 测试运行的每个测试库都经它创建和删除（server/test/testDb.ts）",
  "services/demoSeed.ts":
    "PostgreSQL 的种子模板都经它构建（server/test/templates.ts）：它在 PostgreSQL 上出错，用种子数据的文件全部失败",
  "db/regionSearchRepository.ts": "按中文名 contains 查找：汉字没有大小写，两种数据库的 LIKE 结果相同",
};

function serverModules(dir = SERVER): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ["generated", "generated-pg", "test", "cli"].includes(entry.name) ? [] : serverModules(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("provider tags of the integration suite", () => {
  const tagged = integrationFiles(ROOT).map((file) => {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    return { file, source, tag: parseProviderTag(source) };
  });

  it("every integration file says whether it also runs on PostgreSQL, and why", () => {
    const problems = tagged.flatMap(({ file, tag }) => ("error" in tag ? [`${file}：${tag.error}`] : []));
    expect(problems).toEqual([]);
    expect(tagged.length).toBeGreaterThan(20);
  });

  it("a file with raw SQL or provider checks of its own runs on PostgreSQL", () => {
    const missing = tagged
      .filter(({ source, tag }) => testSpecificToProvider(source) && !("error" in tag) && tag.providers === "sqlite")
      .map(({ file }) => file);
    expect(missing).toEqual([]);
  });

  it("every module whose behaviour depends on the database is claimed by a PostgreSQL file that imports it", () => {
    const specific = serverModules()
      .filter((file) => moduleSpecificToProvider(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(SERVER, file));
    expect(specific.length).toBeGreaterThan(5);
    const claims = new Map<string, string[]>();
    const problems: string[] = [];
    for (const { file, tag } of tagged) {
      if ("error" in tag || tag.providers === "sqlite") continue;
      const reached = reachableModules(ROOT, path.join(ROOT, file));
      for (const module of tag.covers) {
        if (!reached.has(path.join(SERVER, module))) problems.push(`${file} 声明覆盖 ${module}，但并未导入它`);
        claims.set(module, [...(claims.get(module) ?? []), file]);
      }
    }
    for (const module of specific)
      if (!claims.has(module) && !CLAIMED_ELSEWHERE[module])
        problems.push(`${module} 的行为随数据库不同，但没有在 PostgreSQL 上运行的测试文件声明覆盖它（covers）`);
    expect(problems).toEqual([]);
  });

  it("the PostgreSQL run is the tagged files, a strict subset of the suite", () => {
    const files = postgresFiles(ROOT);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(tagged.length);
  });
});

describe("parseProviderTag", () => {
  it("reads both forms", () => {
    expect(parseProviderTag("// @providers: sqlite — 只调用服务层\nimport x;")).toEqual({
      providers: "sqlite",
      reason: "只调用服务层",
    });
    expect(parseProviderTag("// @providers: sqlite, postgresql covers db/bulk.ts, db/client.ts — 原始 SQL")).toEqual({
      providers: "sqlite, postgresql",
      covers: ["db/bulk.ts", "db/client.ts"],
      reason: "原始 SQL",
    });
  });

  it("refuses a missing, doubled or reasonless tag in Chinese", () => {
    expect(parseProviderTag("import x;")).toEqual({ error: expect.stringContaining("缺少") });
    expect(parseProviderTag("// @providers: sqlite — a\n// @providers: sqlite — b")).toEqual({
      error: expect.stringContaining("多行"),
    });
    expect(parseProviderTag("// @providers: sqlite")).toEqual({ error: expect.stringContaining("格式不对") });
    expect(parseProviderTag("// @providers: sqlite covers db/bulk.ts — x")).toEqual({
      error: expect.stringContaining("不能声明 covers"),
    });
  });

  it("sees raw SQL and provider checks", () => {
    expect(testSpecificToProvider("await db.$queryRawUnsafe('select 1')")).toBe(true);
    expect(testSpecificToProvider("await createSeededTestDb()")).toBe(false);
    expect(moduleSpecificToProvider("where: { name: { contains: text } }")).toBe(true);
    expect(moduleSpecificToProvider("db.region.findMany({ where: { code } })")).toBe(false);
  });
});
