// @providers: sqlite — account administration through better-auth and ordinary Prisma calls
import { beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "../auth";
import { callerAs } from "./fixtures";
import { createSeededTestDb, useAsAppDb, useTestDb } from "./testDb";

describe("account administration", () => {
  const testDb = useTestDb(createSeededTestDb);
  beforeAll(async () => {
    useAsAppDb(testDb);
  });

  /** The account the administrator creates, tried with one password after another. */
  const nanguan = { username: "nanguan_m", name: "南关区监测员", role: "monitor", regionCode: "220102" } as const;
  const signIn = (username: string, password: string) =>
    getAuth().api.signInUsername({ body: { username, password }, asResponse: true });

  it("an administrator creates an account, resets its password and disables it; every step is audited", async () => {
    const admin = await callerAs(testDb.db, "admin");
    await expect(admin.user.create({ ...nanguan, password: "short" })).rejects.toThrow("密码至少8位");
    await expect(admin.user.create({ ...nanguan, password: "onlyletters" })).rejects.toThrow("须包含数字");
    const { id } = await admin.user.create({ ...nanguan, password: "Nanguan2026" });
    expect((await signIn("nanguan_m", "Nanguan2026")).status).toBe(200);
    expect(await testDb.db.session.count({ where: { userId: id } })).toBe(1);

    await admin.user.resetPassword({ id, password: "Reset2026x" });
    expect(await testDb.db.session.count({ where: { userId: id } })).toBe(0);
    expect((await signIn("nanguan_m", "Nanguan2026")).status).toBe(401);
    expect((await signIn("nanguan_m", "Reset2026x")).status).toBe(200);

    await admin.user.update({ id, name: "南关区监测员", role: "monitor", regionCode: "220102", disabled: true });
    expect(await testDb.db.session.count({ where: { userId: id } })).toBe(0);
    await expect(signIn("nanguan_m", "Reset2026x")).resolves.toSatisfy((r: Response) => r.status !== 200);

    const actions = (await testDb.db.auditLog.findMany({ where: { entityId: id } })).map((a) => a.action).sort();
    expect(actions).toEqual(["USER_CREATE", "USER_PASSWORD_RESET", "USER_UPDATE"]);
    const users = await admin.user.list({ regionCode: "22" });
    expect(users.find((u) => u.username === "nanguan_m")).toMatchObject({ disabled: true });
  });

  it("an administrator cannot lock themselves out", async () => {
    const admin = await callerAs(testDb.db, "admin");
    const me = await testDb.db.user.findUniqueOrThrow({ where: { username: "admin" } });
    await expect(
      admin.user.update({ id: me.id, name: me.name, role: "monitor", regionCode: "22", disabled: false }),
    ).rejects.toThrow("不能停用自己或取消自己的管理员角色");
  });
});
