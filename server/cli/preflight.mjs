// `npm start` runs this with plain `node` before anything else, so that a wrong
// Node version, a taken port or a read-only data folder is said plainly instead
// of surfacing as a stack trace minutes later. Plain JavaScript on purpose: it
// must still parse on the old Node versions it is there to refuse.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const MINIMUM_NODE = [20, 9];

function fail(chinese, english) {
  console.error(`无法启动：${chinese}\nCannot start: ${english}`);
  process.exit(1);
}

function checkNodeVersion(version) {
  const [major, minor] = version.split(".").map(Number);
  const ok = major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
  if (!ok) {
    const wanted = MINIMUM_NODE.join(".");
    fail(
      `需要 Node.js ${wanted} 或更高版本，当前为 ${version}。请升级 Node.js 后重试。`,
      `Node.js >= ${wanted} is required, this is ${version}.`,
    );
  }
}

function sqliteFile(url) {
  if (!url || url.trim() === "") return path.resolve("data/app.db");
  if (/^postgres(ql)?:\/\//.test(url)) return null;
  if (url.startsWith("file:")) return path.resolve(url.slice("file:".length));
  fail(
    `无法识别的 DATABASE_URL：${url}（应为 file:路径 或 postgresql://…）`,
    `DATABASE_URL must be file:PATH or postgresql://…, got ${url}`,
  );
}

function checkDataFolder(url) {
  const file = sqliteFile(url);
  if (!file) return;
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    // access() says yes to root on read-only mounts: write a probe to be sure.
    const probe = path.join(folder, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    fail(
      `数据目录 ${folder} 不可写（${error.code ?? error.message}）。请改用可写的目录，例如 DATABASE_URL=file:/var/lib/burden/app.db npm start。`,
      `the data folder ${folder} is not writable (${error.code ?? error.message}); point DATABASE_URL=file:/writable/path/app.db at a writable folder.`,
    );
  }
}

function checkPortFree(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) => {
      if (error.code === "EADDRINUSE") {
        fail(
          `端口 ${port} 已被占用。请关闭占用该端口的程序，或换一个端口：PORT=${port + 1} npm start。`,
          `port ${port} is already in use; stop the other program or run PORT=${port + 1} npm start.`,
        );
      }
      if (error.code === "EACCES") {
        fail(
          `没有权限监听端口 ${port}，请使用 1024 以上的端口（PORT=3000）。`,
          `no permission to listen on port ${port}; use a port above 1024.`,
        );
      }
      fail(`无法监听端口 ${port}（${error.code}）。`, `cannot listen on port ${port} (${error.code}).`);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(resolve));
  });
}

checkNodeVersion(process.env.PREFLIGHT_NODE_VERSION ?? process.versions.node);
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`PORT 必须是 0–65535 的整数，当前为“${process.env.PORT}”。`, `PORT must be an integer 0-65535.`);
checkDataFolder(process.env.DATABASE_URL);
await checkPortFree(port, process.env.HOST);
