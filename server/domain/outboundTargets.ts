// Where notification channels may send (SSRF guard, issue #18). A channel's URL is
// typed by a monitor, and the server then POSTs to it: without a guard any monitor
// could make the server call its own loopback services or a cloud metadata endpoint.
import { BlockList, isIP } from "node:net";

/** 企业微信 and 钉钉 group robots: always allowed. */
export const ROBOT_HOSTS = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"] as const;

export interface OutboundPolicy {
  hosts: ReadonlySet<string>;
  /** `*.example.com` entries, stored as `.example.com`. */
  suffixes: readonly string[];
  /** Addresses and ranges listed by the administrator; only these reach special addresses. */
  addresses: BlockList;
}

const family = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");
/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address for every check. */
export const plainAddress = (address: string) =>
  address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1")
    .toLowerCase();

/** `CHANNEL_ALLOWED_HOSTS`: comma-separated host names, `*.suffix` patterns, addresses or CIDR ranges. */
export function outboundPolicy(spec = ""): OutboundPolicy {
  const hosts = new Set<string>(ROBOT_HOSTS);
  const suffixes: string[] = [];
  const addresses = new BlockList();
  for (const raw of spec.split(/[,，\s]+/).filter(Boolean)) {
    const item = raw.toLowerCase();
    const [address, prefix] = item.split("/");
    const plain = plainAddress(address!);
    if (isIP(plain)) {
      const bits = prefix === undefined ? null : Number(prefix);
      if (bits === null) addresses.addAddress(plain, family(plain));
      else if (Number.isInteger(bits) && bits >= 0 && bits <= (isIP(plain) === 6 ? 128 : 32))
        addresses.addSubnet(plain, bits, family(plain));
      else throw new Error(`CHANNEL_ALLOWED_HOSTS 中的网段无效：${raw}`);
      hosts.add(plain);
    } else if (/^\*\.[a-z0-9.-]+$/.test(item)) suffixes.push(item.slice(1));
    else if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(item)) hosts.add(item);
    else throw new Error(`CHANNEL_ALLOWED_HOSTS 中的条目无效：${raw}`);
  }
  return { hosts, suffixes, addresses };
}

// Loopback, "this host", link-local (169.254.169.254 is the metadata service of most clouds),
// other clouds' metadata addresses, and their IPv6 counterparts.
const SPECIAL = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["100.100.100.200", 32],
] as const)
  SPECIAL.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fe80::", 10],
  ["fd00:ec2::254", 128],
] as const)
  SPECIAL.addSubnet(net, bits, "ipv6");

export function isSpecialAddress(address: string): boolean {
  const plain = plainAddress(address);
  return isIP(plain) !== 0 && SPECIAL.check(plain, family(plain));
}

/** Why a URL's host may not be called, or null. */
export function hostRefusal(url: URL, policy: OutboundPolicy): string | null {
  const host = plainAddress(url.hostname);
  if (policy.hosts.has(host) || policy.suffixes.some((s) => host.endsWith(s))) return null;
  if (isIP(host) && policy.addresses.check(host, family(host))) return null;
  return `通知地址 ${host} 不在允许范围内：默认只允许企业微信、钉钉机器人地址，其他地址须由系统管理员加入 CHANNEL_ALLOWED_HOSTS`;
}

/** Why a resolved address may not be called, or null: special addresses only when listed themselves. */
export function addressRefusal(host: string, address: string, policy: OutboundPolicy): string | null {
  const plain = plainAddress(address);
  if (!isSpecialAddress(plain) || policy.addresses.check(plain, family(plain))) return null;
  const shown = plainAddress(host) === plain ? `${plain} ` : `${plainAddress(host)}（解析为 ${plain}）`;
  return `通知地址 ${shown}是本机回环、链路本地或云服务器元数据地址，不允许发送；确需使用须由系统管理员把该地址加入 CHANNEL_ALLOWED_HOSTS`;
}
