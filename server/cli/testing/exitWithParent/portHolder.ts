// A stand-in for the app in exitWithParent.test.ts: the same first import as server/index.ts, then a port held,
// without the minutes of a production start.
import "../../../exitWithParent";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const server = createServer((_request, response) => response.end("ok"));
server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  console.log(JSON.stringify({ pid: process.pid, port: (server.address() as AddressInfo).port }));
});
