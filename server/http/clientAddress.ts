// The one place that decides a request's client address. Forwarded headers are
// believed only when the direct peer is a configured proxy (TRUSTED_PROXIES);
// otherwise any client could pick its own rate-limit bucket with X-Forwarded-For.
import { BlockList, isIP } from "node:net";

/** Header the HTTP server sets on every request (replacing any sent by the client) for route handlers to read. */
export const CLIENT_ADDRESS_HEADER = "x-client-ip";

const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

/** `TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges of the reverse proxies in front of this server. */
export function trustedProxies(spec = process.env.TRUSTED_PROXIES ?? ""): BlockList {
  const list = new BlockList();
  for (const item of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = item.split("/");
    const type = isIP(plain(address!)) === 6 ? "ipv6" : "ipv4";
    if (!isIP(plain(address!))) throw new Error(`TRUSTED_PROXIES 中的地址无效：${item}`);
    if (prefix === undefined) list.addAddress(plain(address!), type);
    else list.addSubnet(plain(address!), Number(prefix), type);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 6 ? "ipv6" : "ipv4");
};

/**
 * The peer's address, unless the peer is a trusted proxy: then the X-Forwarded-For
 * chain is walked from the right, past trusted hops, to the first address a proxy vouched for.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string {
  const direct = plain(peer ?? "") || "unknown";
  if (!isTrusted(trusted, direct) || !forwardedFor) return direct;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map(plain)
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i]!;
    if (!isIP(hop)) return direct;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return chain[0] ?? direct;
}

/** The address the server recorded for this request ("unknown" for in-process calls). */
export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
