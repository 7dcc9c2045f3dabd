import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

// Channel secrets (钉钉 signing secret, webhook HMAC key, SMTP password) are
// stored only as AES-256-GCM ciphertext. The key comes from CHANNEL_SECRET_KEY;
// without it a development key is derived from AUTH_SECRET, with a warning,
// so a demo works out of the box but production is told to set its own.
const DEV_AUTH_SECRET = "dev-only-secret-change-me-in-production-0123456789";
let warned = false;

function key(): Buffer {
  const configured = process.env.CHANNEL_SECRET_KEY;
  if (configured) return createHash("sha256").update(configured).digest();
  if (!warned) {
    warned = true;
    console.warn(
      "警告：未设置 CHANNEL_SECRET_KEY，通知渠道密钥使用由 AUTH_SECRET 派生的开发密钥加密；生产环境请设置 CHANNEL_SECRET_KEY。",
    );
  }
  return Buffer.from(
    hkdfSync("sha256", process.env.AUTH_SECRET ?? DEV_AUTH_SECRET, "burden-monitor", "channel-secrets", 32),
  );
}

/** "v1.<iv>.<tag>.<ciphertext>", each part base64url. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("通知渠道密钥格式无效");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("通知渠道密钥无法解密（CHANNEL_SECRET_KEY 是否已更改？）");
  }
}
