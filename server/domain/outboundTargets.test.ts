import { describe, expect, it } from "vitest";
import { addressRefusal, hostRefusal, isSpecialAddress, outboundPolicy } from "./outboundTargets";

const refusedHost = (url: string, spec = "") => hostRefusal(new URL(url), outboundPolicy(spec));

describe("outbound notification targets", () => {
  it("allows the 企业微信 and 钉钉 robot hosts by default and nothing else", () => {
    expect(refusedHost("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x")).toBeNull();
    expect(refusedHost("https://oapi.dingtalk.com/robot/send?access_token=x")).toBeNull();
    expect(refusedHost("https://hooks.example.com/x")).toContain("不在允许范围内");
    expect(refusedHost("https://hooks.example.com/x")).toContain("CHANNEL_ALLOWED_HOSTS");
  });

  it("adds the hosts, *.suffixes, addresses and ranges an administrator lists", () => {
    const spec = "hooks.example.com, *.gov.example, 10.1.0.0/16";
    expect(refusedHost("https://hooks.example.com/x", spec)).toBeNull();
    expect(refusedHost("https://a.b.gov.example/x", spec)).toBeNull();
    expect(refusedHost("https://gov.example.evil.com/x", spec)).not.toBeNull();
    expect(refusedHost("http://10.1.2.3:8080/x", spec)).toBeNull();
    expect(refusedHost("http://10.2.0.1/x", spec)).not.toBeNull();
    expect(() => outboundPolicy("http://x/")).toThrow("CHANNEL_ALLOWED_HOSTS 中的条目无效");
    expect(() => outboundPolicy("10.0.0.0/40")).toThrow("CHANNEL_ALLOWED_HOSTS 中的网段无效");
  });

  it("treats loopback, link-local and metadata addresses as special, in every spelling", () => {
    for (const address of [
      "127.0.0.1",
      "127.8.8.8",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "::ffff:127.0.0.1",
      "fe80::1",
    ])
      expect(isSpecialAddress(address), address).toBe(true);
    for (const address of ["8.8.8.8", "10.0.0.1", "2001:db8::1"])
      expect(isSpecialAddress(address), address).toBe(false);
    // WHATWG URLs normalise decimal and hex IPv4, so 2130706433 is checked as 127.0.0.1.
    expect(new URL("http://2130706433/").hostname).toBe("127.0.0.1");
    expect(refusedHost("http://2130706433/", "*.example.com")).not.toBeNull();
  });

  it("refuses a special address unless that address itself is listed", () => {
    const policy = outboundPolicy("hooks.example.com");
    expect(addressRefusal("hooks.example.com", "169.254.169.254", policy)).toBe(
      "通知地址 hooks.example.com（解析为 169.254.169.254）是本机回环、链路本地或云服务器元数据地址，不允许发送；" +
        "确需使用须由系统管理员把该地址加入 CHANNEL_ALLOWED_HOSTS",
    );
    expect(addressRefusal("hooks.example.com", "93.184.216.34", policy)).toBeNull();
    expect(addressRefusal("127.0.0.1", "127.0.0.1", outboundPolicy("127.0.0.1"))).toBeNull();
    expect(addressRefusal("[::1]", "::1", outboundPolicy("127.0.0.1"))).not.toBeNull();
  });
});
