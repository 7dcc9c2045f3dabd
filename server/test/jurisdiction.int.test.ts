// @providers: sqlite — role and region checks in api/ and services, independent of the database
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerAs } from "./fixtures";
import { createSeededTestDb, useTestDb } from "./testDb";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("jurisdiction through tRPC: 宽城区 (220103) vs 朝阳区 (220104)", () => {
  const testDb = useTestDb(createSeededTestDb);

  it("a 宽城区 monitor reads 宽城区 and everything below it", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const detail = await api.region.detail({ regionCode: "220103" });
    expect(detail.region.name).toBe("宽城区");
    expect(detail.children.length).toBeGreaterThan(0);
    const township = detail.children[0]!.code;
    const villages = await api.region.children({ regionCode: township });
    expect(villages.every((v) => v.code.startsWith(township) && v.level === 5)).toBe(true);
    expect(detail.recordsByKind.reduce((s, k) => s + k.records, 0)).toBeGreaterThan(0);
  });

  it("a 宽城区 monitor gets FORBIDDEN for 朝阳区, its villages and the city above", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    for (const regionCode of ["220104", "220104001", "2201", "22"]) {
      const error = await errorOf(api.region.detail({ regionCode }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toContain("不在您的管辖范围内");
    }
    expect((await errorOf(api.region.children({ regionCode: "220104" }))).code).toBe("FORBIDDEN");
  });

  it("the 朝阳区 monitor is kept out of 宽城区 the same way", async () => {
    const api = await callerAs(testDb.db, "monitor_cy");
    expect((await errorOf(api.region.detail({ regionCode: "220103" }))).code).toBe("FORBIDDEN");
    expect((await api.region.detail({ regionCode: "220104" })).region.name).toBe("朝阳区");
  });

  it("the city monitor sees both districts", async () => {
    const api = await callerAs(testDb.db, "monitor");
    const city = await api.region.detail({ regionCode: "2201" });
    expect(city.children.map((c) => c.code)).toEqual(expect.arrayContaining(["220103", "220104"]));
  });

  it("refuses anonymous callers", async () => {
    const api = await callerAs(testDb.db, null);
    expect((await errorOf(api.region.detail({ regionCode: "220103" }))).code).toBe("UNAUTHORIZED");
    expect(await api.session.me()).toBeNull();
  });

  it("answers bad input with a Chinese BAD_REQUEST or NOT_FOUND, never a 500", async () => {
    const api = await callerAs(testDb.db, "monitor");
    const malformed = await errorOf(api.region.detail({ regionCode: "abc" }));
    expect(malformed.code).toBe("BAD_REQUEST");
    const missing = await errorOf(api.region.detail({ regionCode: "220103999" }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe("区划代码 220103999 不存在或尚未导入");
    const wrongType = await errorOf(api.region.detail({ regionCode: 42 } as never));
    expect(wrongType.code).toBe("BAD_REQUEST");
  });
});
