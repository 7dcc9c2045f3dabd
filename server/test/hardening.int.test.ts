// @providers: sqlite — HTTP, auth and jurisdiction refusals; lockouts in memory or Redis (cluster.int)
// Issue 14: each refusal below was an accepted request before.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ExcelJS from "exceljs";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, enforceBodyLimit } from "../http/serverGuards";
import { attachRealtime, closeRealtime, cutExpiredSockets } from "../realtime/server";
import { DEMO_PASSWORD } from "../services/demoSeed";
import iconv from "iconv-lite";
import { importLedger, LedgerRejectedError } from "../services/ledger/importLedger";
import { readLedgerFile } from "../services/ledger/readLedgerFile";
import { templateListsFor } from "../services/ledger/templateLists";
import { ledgerTemplate } from "../services/ledger/workbooks";
import { callerAs, codeOf, demoSessionCookie, sessionUser } from "./fixtures";
import { createSeededTestDb, useAsAppDb, type TestDb } from "./testDb";

const signInRequest = (path: string, body: unknown, cookie?: string) =>
  new Request(`http://localhost:3000/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost:3000", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

describe("hardening (issue 14)", () => {
  let testDb: TestDb;
  // Route modules build better-auth on import: load them once the test database is the app's.
  let authPost: (request: Request) => Promise<Response> | Response;
  let exportRanking: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    testDb = await createSeededTestDb();
    useAsAppDb(testDb);
    authPost = (await import("@/app/api/auth/[...all]/route")).POST;
    exportRanking = (await import("@/app/api/rankings/export/route")).GET;
  });
  afterAll(() => testDb.cleanup());

  describe("sign-in", () => {
    it("serves no e-mail sign-in, self-rename or self-service password change", async () => {
      const email = await authPost(
        signInRequest("/sign-in/email", { email: "monitor_kc@users.local", password: DEMO_PASSWORD }),
      );
      expect(email.status).toBe(404);
      const cookie = await demoSessionCookie("monitor_kc");
      expect((await authPost(signInRequest("/update-user", { name: "吉林省系统管理员" }, cookie))).status).toBe(404);
      expect(
        (
          await authPost(
            signInRequest(
              "/change-password",
              { currentPassword: DEMO_PASSWORD, newPassword: "a", revokeOtherSessions: false },
              cookie,
            ),
          )
        ).status,
      ).toBe(404);
      expect((await testDb.db.user.findUniqueOrThrow({ where: { username: "monitor_kc" } })).name).toBe(
        "宽城区民政局监测员",
      );
      expect(
        (await authPost(signInRequest("/sign-in/username", { username: "monitor_kc", password: DEMO_PASSWORD })))
          .status,
      ).toBe(200);
    });

    it("forty parallel wrong passwords: five are checked, the rest refused, then the right one is refused too", async () => {
      const attempts = await Promise.all(
        Array.from({ length: 40 }, () =>
          authPost(signInRequest("/sign-in/username", { username: "inspector", password: "wrong-guess-1" })),
        ),
      );
      const statuses = attempts.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
      const right = await authPost(
        signInRequest("/sign-in/username", { username: "inspector", password: DEMO_PASSWORD }),
      );
      expect(right.status).toBe(429);
      expect(await right.text()).toContain("已临时锁定");
    });

    it("a disabled account with the right password gets the same 401 as a wrong password", async () => {
      const wrong = await authPost(signInRequest("/sign-in/username", { username: "dept", password: "wrong-guess-2" }));
      await testDb.db.user.update({ where: { username: "dept" }, data: { disabled: true } });
      const disabled = await authPost(
        signInRequest("/sign-in/username", { username: "dept", password: DEMO_PASSWORD }),
      );
      await testDb.db.user.update({ where: { username: "dept" }, data: { disabled: false } });
      expect(disabled.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(await disabled.json()).toEqual(await wrong.json());
    });
  });

  describe("jurisdiction of named ids", () => {
    it("drafts reach no inspector, leader or department, whatever the filter", async () => {
      const monitor = await callerAs(testDb.db, "monitor_kc");
      const department = await testDb.db.department.findFirstOrThrow({
        where: { regionCode: "220103", name: "宽城区卫生健康局" },
      });
      const draft = await monitor.exposure.create({
        regionCode: "220103",
        departmentId: department.id,
        title: "违规要求每日填报",
        demanded: "要求各村每日上报防疫台账",
        clause: 3,
        rectification: "立即停止",
        deadline: new Date("2026-12-31"),
      });
      for (const username of ["inspector", "leader", "dept"]) {
        const api = await callerAs(testDb.db, username);
        for (const states of [["DRAFT"], [], ["DRAFT", "PENDING_APPROVAL"], undefined] as const) {
          const cases = await api.exposure.list({ regionCode: "220103", states: states as never });
          expect(
            cases.map((c) => c.id),
            `${username} ${JSON.stringify(states)}`,
          ).not.toContain(draft.id);
        }
      }
      expect((await monitor.exposure.list({ regionCode: "220103", states: [] })).map((c) => c.id)).toContain(draft.id);
    });

    it("a 朝阳区 monitor cannot name a 宽城区 department, alert or record", async () => {
      const cy = await callerAs(testDb.db, "monitor_cy");
      const kcDepartment = await testDb.db.department.findFirstOrThrow({ where: { regionCode: "220103" } });
      const cyDepartment = await testDb.db.department.findFirstOrThrow({ where: { regionCode: "220104" } });
      const kcRecord = await testDb.db.burdenRecord.findFirstOrThrow({
        where: { scopeRegionCode: { startsWith: "220103" } },
      });
      const base = {
        regionCode: "220104",
        title: "跨区引用",
        demanded: "跨区引用测试",
        clause: 3,
        rectification: "整改",
        deadline: new Date("2026-12-31"),
      };
      await expect(cy.exposure.create({ ...base, departmentId: kcDepartment.id })).rejects.toThrow(
        "被通报部门不存在或不属于该地区",
      );
      await expect(
        cy.exposure.create({ ...base, departmentId: cyDepartment.id, recordId: kcRecord.id }),
      ).rejects.toThrow("关联的负担记录不存在或不在您的管辖范围内");
      const kcAlert = await testDb.db.alert.findFirst({ where: { regionCode: { startsWith: "220103" } } });
      if (kcAlert)
        await expect(
          cy.exposure.create({ ...base, departmentId: cyDepartment.id, alertId: kcAlert.id }),
        ).rejects.toThrow("关联的预警不存在");
      await expect(
        cy.catalogue.save({
          catalogue: "FORM_LIST",
          ownerRegionCode: "220104",
          name: "跨区表格",
          details: {},
          departmentId: kcDepartment.id,
          validFrom: new Date("2026-01-01"),
        }),
      ).rejects.toThrow("所属部门不存在或不属于您的管辖范围");
      expect(await codeOf(cy.record.list({ regionCode: "220104", pageSize: 10, cursor: kcRecord.id }))).toBe(
        "BAD_REQUEST",
      );
      const own = await cy.record.list({ regionCode: "220104", pageSize: 2 });
      expect(
        (await cy.record.list({ regionCode: "220104", pageSize: 2, cursor: own.nextCursor })).items.length,
      ).toBeGreaterThan(0);
    });

    it("alerts are assigned only to roles that can act on them", async () => {
      const alert = await testDb.db.alert.findFirst({ where: { regionCode: { startsWith: "220103" } } });
      if (!alert) return;
      const monitor = await callerAs(testDb.db, "monitor");
      const dept = await testDb.db.user.findUniqueOrThrow({ where: { username: "dept" } });
      const leader = await testDb.db.user.findUniqueOrThrow({ where: { username: "leader" } });
      await expect(monitor.alert.assign({ id: alert.id, assigneeId: dept.id })).rejects.toThrow(
        "只能指派给督查员或监测员",
      );
      await expect(monitor.alert.assign({ id: alert.id, assigneeId: leader.id })).rejects.toThrow(
        "只能指派给督查员或监测员",
      );
    });

    it("the rankings export carries the department league only for a region the page would show it for", async () => {
      const sheetsFor = async (username: string, parentCode: string) => {
        const response = await exportRanking(
          new Request(`http://localhost:3000/api/rankings/export?parentCode=${parentCode}`, {
            headers: { cookie: await demoSessionCookie(username) },
          }),
        );
        expect(response.status, `${username} ${parentCode}`).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
        return workbook.worksheets.map((s) => s.name);
      };
      expect(await sheetsFor("leader", "2201")).toEqual(["负担得分排名"]);
      expect(await sheetsFor("monitor_cy", "2201")).toEqual(["负担得分排名"]);
      expect(await sheetsFor("monitor", "2201")).toEqual(["负担得分排名", "部门负担排行"]);
      const refused = await exportRanking(
        new Request("http://localhost:3000/api/rankings/export?parentCode=2202", {
          headers: { cookie: await demoSessionCookie("leader") },
        }),
      );
      expect(refused.status).toBe(403);
    });
  });

  describe("ledger import without iterating", () => {
    it("lists every error of every row in one pass, with the closest department, from a GBK CSV", async () => {
      const user = await sessionUser(testDb.db, "monitor_kc");
      const village = (await testDb.db.region.findFirstOrThrow({ where: { level: 5, code: { startsWith: "220103" } } }))
        .code;
      const csv = [
        "区划代码,下达部门,事项名称,发生日期,数量,填报频次,每年填报次数,表格字段,佐证说明",
        `${village},宽城区卫健局,台账一,2026-02-30,1,每月,12,姓名,`,
        `220104001001,宽城区卫生健康局,台账二,2026-03-01,0,每月,12,姓名,`,
        `${village},宽城区卫生健康局,台账三,2026-03-01,1,每月,12,姓名,`,
      ].join("\r\n");
      const failure = await importLedger(testDb.db, user, {
        kind: "FORM",
        fileName: "台账.csv",
        content: iconv.encode(csv, "gbk"),
      }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(LedgerRejectedError);
      const errors = (failure as LedgerRejectedError).errors.filter((e) => e.column !== "表头");
      const byRow = (row: number) => errors.filter((e) => e.row === row).map((e) => `${e.column}:${e.reason}`);
      expect(byRow(2)).toEqual(
        expect.arrayContaining([
          "发生日期:不是有效日期：“2026-02-30”",
          "下达部门:部门“宽城区卫健局”不存在，是否为“宽城区卫生健康局”？",
        ]),
      );
      expect(byRow(3).some((e) => e.startsWith("数量:"))).toBe(true);
      expect(byRow(3).some((e) => e.startsWith("区划代码:") && e.includes("不在您的管辖范围内"))).toBe(true);
      expect(byRow(4)).toEqual([]);
    });

    it("the template offers the user's region codes and departments as drop-downs on their own sheets", async () => {
      const user = await sessionUser(testDb.db, "monitor_kc");
      const lists = await templateListsFor(testDb.db, user);
      expect(lists.regions.every((r) => r.code.startsWith("220103"))).toBe(true);
      expect(lists.regions.length).toBeGreaterThan(10);
      expect(lists.departments).toContain("宽城区卫生健康局");
      expect(lists.departments.some((d) => d.startsWith("朝阳区"))).toBe(false);
      const file = await ledgerTemplate("CERTIFICATE", lists);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["区划代码", "部门名称", "说明"]));
      const ledger = workbook.worksheets[0]!;
      expect(ledger.getCell("A100").dataValidation).toMatchObject({
        type: "list",
        formulae: [`'区划代码'!$A$2:$A$${lists.regions.length + 1}`],
      });
      expect(ledger.getCell("B2").dataValidation).toMatchObject({
        type: "list",
        formulae: [`'部门名称'!$A$2:$A$${lists.departments.length + 1}`],
      });
      expect(workbook.getWorksheet("部门名称")!.getCell("A2").value).toBe(lists.departments[0]);
      // The reader still takes the first sheet only.
      expect((await readLedgerFile("模板.xlsx", file)).headers[0]).toBe("区划代码");
    });
  });

  describe("HTTP server", () => {
    let server: Server;
    let port: number;
    let received = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        const path = req.url?.split("?")[0] ?? "/";
        if (!enforceBodyLimit(req, res, bodyLimitFor(path))) return;
        if (path.startsWith("/socket.io")) return;
        // Like a route handler that buffers the whole body.
        req.on("data", (chunk: Buffer) => (received += chunk.length));
        req.on("end", () => res.end("ok"));
      });
      attachRealtime(server);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await closeRealtime();
      await new Promise((resolve) => server.close(resolve));
    });

    it("cuts a chunked upload without Content-Length at the route's limit", async () => {
      received = 0;
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            method: "POST",
            path: "/api/direct-report",
            headers: { "transfer-encoding": "chunked" },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on("error", reject);
        const chunk = Buffer.alloc(256 * 1024, 1);
        let sent = 0;
        const pump = () => {
          while (sent < 64 * 1024 * 1024) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once("drain", pump);
          }
          req.end();
        };
        pump();
      }).catch(() => 413);
      expect(status).toBe(413);
      expect(received).toBeLessThanOrEqual(bodyLimitFor("/api/direct-report"));
    });

    it("refuses a socket from a page on another port of the same host, and cuts one whose session expired", async () => {
      const cookie = await demoSessionCookie("monitor");
      const open = (origin?: string) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(`http://127.0.0.1:${port}`, {
            path: "/socket.io",
            transports: ["polling", "websocket"],
            extraHeaders: { cookie, ...(origin ? { origin } : {}) },
            reconnection: false,
          });
          socket.once("session:ready", () => resolve(socket));
          socket.once("connect_error", (error) => {
            socket.close();
            reject(error);
          });
        });
      await expect(open(`http://127.0.0.1:${port + 1}`)).rejects.toThrow();
      await expect(open("http://evil.example")).rejects.toThrow();
      const socket = await open(`http://127.0.0.1:${port}`);
      const io = (await import("../realtime/server")).getRealtime()!;
      expect(await cutExpiredSockets(io)).toBe(0);
      const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      // Eight days on, past the seven-day session: the socket is cut.
      expect(await cutExpiredSockets(io, Date.now() + 8 * 24 * 3600_000)).toBe(1);
      expect(await closed).toBe("io server disconnect");
    });
  });
});
