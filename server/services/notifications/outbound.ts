// The SSRF guard applied when a channel is saved and again before every send:
// a host name allowed at save time may resolve elsewhere later (DNS rebinding).
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { addressRefusal, hostRefusal, outboundPolicy, plainAddress } from "../../domain/outboundTargets";

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

export interface OutboundCheck {
  /** At save time an unresolvable name is accepted (an offline server saving a robot URL); at send time it is refused. */
  requireResolution: boolean;
  resolve?: Resolver;
  allowedHosts?: string;
}

/** The Chinese reason a URL may not be called now, or null. */
export async function outboundRefusal(target: string, check: OutboundCheck): Promise<string | null> {
  const url = new URL(target);
  const policy = outboundPolicy(check.allowedHosts ?? process.env.CHANNEL_ALLOWED_HOSTS ?? "");
  const host = plainAddress(url.hostname);
  const byName = hostRefusal(url, policy);
  if (byName) return byName;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (check.resolve ?? systemResolver)(host);
  } catch {
    return check.requireResolution ? `无法解析通知地址 ${host} 的域名` : null;
  }
  for (const address of addresses) {
    const refusal = addressRefusal(host, address, policy);
    if (refusal) return refusal;
  }
  return null;
}
