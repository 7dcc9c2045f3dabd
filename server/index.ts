import "./exitWithParent";
import { startApp } from "./app";
import { startupFailure } from "./startupFailure";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = Number(process.env.PORT ?? 3000);
const dev = process.env.NODE_ENV !== "production";

const app = await startApp({ port, dev, hostname: process.env.HOST, seedDemo: process.env.DEMO_SEED !== "0" }).catch(
  (error: unknown) => {
    const plain = startupFailure(error, port);
    if (!plain) throw error;
    console.error(`无法启动：${plain}`);
    process.exit(1);
  },
);
console.log(`减负监测已启动：http://localhost:${app.port}（${dev ? "开发" : "生产"}模式）`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在关闭…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
