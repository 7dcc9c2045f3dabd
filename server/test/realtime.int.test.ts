// @providers: sqlite — socket rooms and delivery in realtime/; event storage is alerts.int's
import type { Socket } from "socket.io-client";
import { beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "../auth";
import { publishToRegion } from "../realtime/server";
import { DEMO_PASSWORD } from "../services/demoSeed";
import { demoSessionCookie } from "./fixtures";
import { useRealtimeServer } from "./realtimeServer";
import { createSeededTestDb, useAsAppDb, useTestDb } from "./testDb";

describe("socket.io: handshake auth and region rooms", () => {
  const testDb = useTestDb(createSeededTestDb);
  beforeAll(() => useAsAppDb(testDb));
  const realtime = useRealtimeServer({ alertHandlers: false });
  const open = (cookie?: string) => realtime.connect(cookie);

  function collect(socket: Socket, event: string): unknown[] {
    const seen: unknown[] = [];
    socket.on(event, (payload) => seen.push(payload));
    return seen;
  }

  it("refuses a handshake without a valid session", async () => {
    await expect(open()).rejects.toThrow(/UNAUTHORIZED/);
    await expect(open("better-auth.session_token=forged.value")).rejects.toThrow(/UNAUTHORIZED/);
  });

  it("delivers region events only inside each user's jurisdiction", async () => {
    const kuancheng = await open(await demoSessionCookie("monitor_kc"));
    const chaoyang = await open(await demoSessionCookie("monitor_cy"));
    const city = await open(await demoSessionCookie("monitor"));
    const seenByKuancheng = collect(kuancheng, "region:event");
    const seenByChaoyang = collect(chaoyang, "region:event");
    const seenByCity = collect(city, "region:event");

    publishToRegion("220104001001", "region:event", { id: "chaoyang-village" });
    publishToRegion("220103", "region:event", { id: "kuancheng-county" });
    publishToRegion("220103002001", "region:event", { id: "kuancheng-village" });
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(seenByKuancheng).toEqual([{ id: "kuancheng-county" }, { id: "kuancheng-village" }]);
    expect(seenByChaoyang).toEqual([{ id: "chaoyang-village" }]);
    expect(seenByCity).toHaveLength(3);
  });

  it("logout disconnects the open sockets of that session, and only those", async () => {
    const mine = await demoSessionCookie("monitor_kc");
    const other = await demoSessionCookie("monitor_kc");
    const a = await open(mine);
    const b = await open(other);
    const reason = new Promise<string>((resolve) => a.once("disconnect", resolve));
    await getAuth().api.signOut({ headers: new Headers({ cookie: mine }) });
    expect(await reason).toBe("io server disconnect");
    await new Promise((r) => setTimeout(r, 200));
    expect(b.connected).toBe(true);
    await expect(open(mine)).rejects.toThrow(/UNAUTHORIZED/);
  });

  it("locks an account after five failed sign-ins, even with the right password next", async () => {
    const attempt = (password: string) =>
      getAuth().api.signInUsername({ body: { username: "monitor_cy", password }, asResponse: true });
    for (let i = 0; i < 5; i += 1) expect((await attempt("wrong-password-1")).status).toBe(401);
    // Called in-process the hook's refusal is thrown; over HTTP it is a 429 with this message.
    await expect(attempt(DEMO_PASSWORD)).rejects.toThrow("该账号连续登录失败次数过多，已临时锁定");
    expect(
      (await getAuth().api.signInUsername({ body: { username: "monitor", password: DEMO_PASSWORD }, asResponse: true }))
        .status,
    ).toBe(200);
  });
});
