// Real local receivers for notification tests: an HTTP server that answers as
// 企业微信 and 钉钉 robots do (钉钉's signature checked the way 钉钉 checks it),
// a generic webhook that verifies our HMAC, and an SMTP server.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: JSON of four receivers' formats; tests read the fields they sent
  body: any;
}

export interface Mail {
  to: string;
  raw: string;
}

export async function startReceivers(secrets: { dingtalk: string; webhook: string }) {
  const received: Received[] = [];
  const rejected: Received[] = [];
  const flaky = new Map<string, number>(); // path → failures still to give
  const http: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const url = new URL(req.url!, "http://x");
      const entry: Received = { path: url.pathname, headers: req.headers, body: data ? JSON.parse(data) : null };
      const answer = (status: number, body: object) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const left = flaky.get(url.pathname) ?? 0;
      if (left > 0) {
        flaky.set(url.pathname, left - 1);
        rejected.push(entry);
        return answer(503, { error: "暂时不可用" });
      }
      if (url.pathname.startsWith("/dingtalk")) {
        // 钉钉: sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret))), timestamp within an hour.
        const timestamp = Number(url.searchParams.get("timestamp"));
        const expected = createHmac("sha256", secrets.dingtalk)
          .update(`${timestamp}\n${secrets.dingtalk}`)
          .digest("base64");
        if (!timestamp || Math.abs(Date.now() - timestamp) > 3600_000 || url.searchParams.get("sign") !== expected) {
          rejected.push(entry);
          return answer(200, { errcode: 310000, errmsg: "sign not match" });
        }
      }
      if (url.pathname.startsWith("/webhook")) {
        const signature = String(req.headers["x-burden-signature"] ?? "");
        const expected = `sha256=${createHmac("sha256", secrets.webhook).update(`${req.headers["x-burden-timestamp"]}.${data}`).digest("hex")}`;
        if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
          rejected.push(entry);
          return answer(401, { error: "bad signature" });
        }
      }
      received.push(entry);
      return answer(200, { errcode: 0, errmsg: "ok" });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c) => (raw += c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  return {
    base,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    received,
    rejected,
    mails,
    /** The next `times` requests to `path` fail with 503. */
    failNext(path: string, times: number) {
      flaky.set(path, times);
    },
    async close() {
      await new Promise((r) => http.close(r));
      await new Promise<void>((r) => smtp.close(() => r()));
    },
  };
}

/** The decoded Subject of a raw mail (RFC 2047 base64 or quoted-printable words). */
export function mailSubject(raw: string): string {
  const header = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = header.split(/\r?\n/).find((l) => /^subject:/i.test(l)) ?? "";
  return line
    .replace(/^subject:\s*/i, "")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}
