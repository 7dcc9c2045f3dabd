import { describe, expect, it } from "vitest";
import { outboundRefusal } from "./outbound";

describe("outboundRefusal", () => {
  it("re-checks the address a name resolves to now: a host that moved to the metadata address is refused", async () => {
    let answer = ["93.184.216.34"];
    const check = { requireResolution: true, allowedHosts: "hooks.example.com", resolve: async () => answer };
    expect(await outboundRefusal("https://hooks.example.com/hook", check)).toBeNull();
    answer = ["93.184.216.34", "169.254.169.254"];
    expect(await outboundRefusal("https://hooks.example.com/hook", check)).toContain("解析为 169.254.169.254");
  });

  it("accepts an unresolvable name when saving, refuses it when sending", async () => {
    const resolve = async () => {
      throw new Error("ENOTFOUND");
    };
    const url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k";
    expect(await outboundRefusal(url, { requireResolution: false, resolve })).toBeNull();
    expect(await outboundRefusal(url, { requireResolution: true, resolve })).toBe(
      "无法解析通知地址 qyapi.weixin.qq.com 的域名",
    );
  });

  it("refuses a literal metadata address without resolving anything", async () => {
    const resolve = async () => {
      throw new Error("must not resolve");
    };
    const refusal = await outboundRefusal("http://169.254.169.254/latest/meta-data/", {
      requireResolution: true,
      allowedHosts: "169.254.0.0/15,hooks.example.com",
      resolve,
    });
    expect(refusal).toBeNull(); // listed explicitly by the administrator
    expect(
      await outboundRefusal("http://169.254.169.254/latest/meta-data/", { requireResolution: true, resolve }),
    ).toContain("不在允许范围内");
  });
});
