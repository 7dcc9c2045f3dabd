import { spawnSync } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";

function preflight(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["server/cli/preflight.mjs"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status, stderr: result.stderr };
}

async function occupiedPort(): Promise<{ port: number; close(): void }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const address = server.address();
  return { port: typeof address === "object" && address ? address.port : 0, close: () => server.close() };
}

describe("npm start preflight", () => {
  it("refuses a taken port in plain words, not a stack trace", async () => {
    const taken = await occupiedPort();
    try {
      const { status, stderr } = preflight({ PORT: String(taken.port), DATABASE_URL: "" });
      expect(status).toBe(1);
      expect(stderr).toContain(`端口 ${taken.port} 已被占用`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });

  it("refuses a Node version below 20.9", () => {
    const { status, stderr } = preflight({ PREFLIGHT_NODE_VERSION: "20.8.1", PORT: "0" });
    expect(status).toBe(1);
    expect(stderr).toContain("需要 Node.js 20.9 或更高版本，当前为 20.8.1");
    expect(preflight({ PREFLIGHT_NODE_VERSION: "20.9.0", PORT: "0" }).status).toBe(0);
  });

  it("refuses a data folder it cannot write", () => {
    const { status, stderr } = preflight({ DATABASE_URL: "file:/dev/null/data/app.db", PORT: "0" });
    expect(status).toBe(1);
    expect(stderr).toContain("数据目录 /dev/null/data 不可写");
  });
});
