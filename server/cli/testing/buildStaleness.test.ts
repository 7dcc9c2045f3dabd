import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIsFresh } from "./buildStaleness";

describe("a build is stale when code it is built from changed", () => {
  let root: string;
  const write = (file: string, secondsAgo: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, "");
    const at = Date.now() / 1000 - secondsAgo;
    fs.utimesSync(full, at, at);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "build-staleness-"));
    write("app/page.tsx", 100);
    write("server/api/router.ts", 100);
    write(".next/BUILD_ID", 50);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is fresh when nothing changed since, and stale without a build", () => {
    expect(buildIsFresh(root)).toBe(true);
    fs.rmSync(path.join(root, ".next/BUILD_ID"));
    expect(buildIsFresh(root)).toBe(false);
  });

  it("is stale after a page or a server module changed", () => {
    write("app/overview/page.tsx", 10);
    expect(buildIsFresh(root)).toBe(false);
    write(".next/BUILD_ID", 5);
    write("server/services/records.ts", 1);
    expect(buildIsFresh(root)).toBe(false);
  });

  it("stays fresh after a test, a command-line tool or a generated file changed", () => {
    write("server/test/records.int.test.ts", 1);
    write("server/services/records.test.ts", 1);
    write("server/cli/test-all.ts", 1);
    write("server/cli/testing/timings.ts", 1);
    write("server/db/generated/client.ts", 1);
    expect(buildIsFresh(root)).toBe(true);
  });
});
