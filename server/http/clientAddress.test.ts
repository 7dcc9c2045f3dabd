import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./clientAddress";

describe("client address", () => {
  it("ignores X-Forwarded-For from a client that is not a configured proxy", () => {
    const none = trustedProxies("");
    expect(clientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
    expect(clientAddress(undefined, "1.2.3.4", none)).toBe("unknown");
  });

  it("behind a trusted proxy, takes the right-most address the proxies did not add themselves", () => {
    const proxies = trustedProxies("10.0.0.0/8, 192.0.2.1, fd00::/8");
    expect(clientAddress("10.1.1.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // A client that sends its own XFF cannot choose its bucket: the proxy appends the real address.
    expect(clientAddress("10.1.1.1", "6.6.6.6, 198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("192.0.2.1", "198.51.100.7, 10.2.2.2", proxies)).toBe("198.51.100.7");
    expect(clientAddress("fd00::1", "2001:db8::5", proxies)).toBe("2001:db8::5");
    expect(clientAddress("10.1.1.1", "not-an-ip", proxies)).toBe("10.1.1.1");
    expect(clientAddress("10.1.1.1", undefined, proxies)).toBe("10.1.1.1");
  });

  it("refuses a malformed TRUSTED_PROXIES entry", () => {
    expect(() => trustedProxies("10.0.0.0/8,proxy.local")).toThrow("TRUSTED_PROXIES");
  });
});
