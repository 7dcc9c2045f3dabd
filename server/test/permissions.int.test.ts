// @providers: sqlite — the access table against the routers; no database behaviour
// The permission matrix against the implementation: every procedure is in the
// table, a role outside it gets FORBIDDEN (anonymous: UNAUTHORIZED), a role
// inside it is never refused for its role.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../api/root";
import { PROCEDURE_ACCESS, SOCKET_EVENT_ACCESS, type Access } from "../api/permissions";
import { PermissionError } from "../domain/errors";
import { registerAlertHandlers } from "../realtime/alertHandlers";
import type { RealtimeServer } from "../realtime/server";
import { ROLES, type Role } from "../domain/roles";
import { sessionUser } from "./fixtures";
import { createSeededTestDb, useTestDb } from "./testDb";

const ACCOUNT: Record<Role, string> = {
  monitor: "monitor_kc",
  county_leader: "leader",
  inspector: "inspector",
  department: "dept",
  admin: "admin",
};
const procedures = Object.keys(
  (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
).sort();

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "OK";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return error.cause instanceof PermissionError && error.cause.reason === "role" ? "ROLE_FORBIDDEN" : error.code;
  }
}

describe("permission matrix", () => {
  const testDb = useTestDb(createSeededTestDb);

  it("lists every procedure of the router, and nothing else", () => {
    expect(procedures).toEqual(Object.keys(PROCEDURE_ACCESS).sort());
  });

  it("lists every socket event a client may send, and nothing else", () => {
    // Register the handlers on a stand-in server and record what a connected socket listens to.
    const events: string[] = [];
    let onConnection: ((socket: unknown) => void) | undefined;
    const io = {
      on: (_event: string, handler: (socket: unknown) => void) => (onConnection = handler),
    } as unknown as RealtimeServer;
    registerAlertHandlers(io);
    onConnection!({ data: { user: {} }, on: (event: string) => events.push(event) });
    expect(events.sort()).toEqual(Object.keys(SOCKET_EVENT_ACCESS).sort());
    // Every socket event needs a session: the handshake refuses anyone without one (realtime.int.test.ts).
    expect(Object.values(SOCKET_EVENT_ACCESS).every((a) => a !== "public")).toBe(true);
  });

  for (const path of procedures) {
    it(`${path}: only the roles of the table get past the role check`, async () => {
      const access = (PROCEDURE_ACCESS as Record<string, Access>)[path]!;
      for (const role of [null, ...ROLES] as (Role | null)[]) {
        const user = role ? await sessionUser(testDb.db, ACCOUNT[role]) : null;
        const caller = createCaller({ db: testDb.db, user, headers: new Headers() });
        const procedure = path
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input: unknown,
        ) => Promise<unknown>;
        // The user's own region gets past jurisdiction; the rest of the input may be missing.
        const result = await outcome(() =>
          procedure({ regionCode: user?.regionCode ?? "2201", parentCode: user?.regionCode ?? "2201" }),
        );
        const allowed =
          access === "public" || (access === "signed-in" ? role !== null : role !== null && access.includes(role));
        if (allowed) {
          expect(["ROLE_FORBIDDEN", "UNAUTHORIZED"], `${path} as ${role ?? "匿名"}`).not.toContain(result);
        } else {
          expect(result, `${path} as ${role ?? "匿名"}`).toBe(role === null ? "UNAUTHORIZED" : "ROLE_FORBIDDEN");
        }
      }
    });
  }

  it("no procedure answers a 朝阳区 monitor with 宽城区 data", async () => {
    const user = await sessionUser(testDb.db, "monitor_cy");
    const caller = createCaller({ db: testDb.db, user, headers: new Headers() });
    const leaks: string[] = [];
    for (const path of procedures.filter((p) => (PROCEDURE_ACCESS as Record<string, Access>)[p] !== "public")) {
      const procedure = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input: unknown,
      ) => Promise<unknown>;
      try {
        const result = await procedure({
          regionCode: "220103",
          parentCode: "220103",
          scopeRegionCode: "220103",
          villageCode: "220103002001",
        });
        // Only answers about the caller itself, or system-wide settings, may succeed.
        if (!["region.mine", "rule.escalation", "channel.myPreferences"].includes(path))
          leaks.push(`${path} → ${JSON.stringify(result).slice(0, 80)}`);
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        expect(["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"], path).toContain(error.code);
      }
    }
    expect(leaks).toEqual([]);
  });
});
