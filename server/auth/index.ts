import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { username } from "better-auth/plugins";
import { bus } from "../bus";
import { getDb } from "../db/client";
import { databaseConfig } from "../db/config";
import { loginLockout } from "../cluster/loginLockout";
import { WindowLimiter } from "../domain/rateLimit";
import { isRole } from "../domain/roles";
import type { SessionUser } from "../domain/actor";
import { CLIENT_ADDRESS_HEADER } from "../http/clientAddress";
import { DISABLED_AUTH_PATHS } from "./paths";

const SIGN_IN = "/sign-in/username";
const accountOf = (body: unknown) =>
  String((body as { username?: unknown } | undefined)?.username ?? "")
    .trim()
    .toLowerCase();

const SESSION_DAYS = 7;

const globalForLimiter = globalThis as typeof globalThis & { __signInLimiter?: WindowLimiter };
const signInLimiter = () =>
  (globalForLimiter.__signInLimiter ??= new WindowLimiter(Number(process.env.AUTH_SIGNIN_PER_MINUTE ?? 30), 60_000));

/** Cookies get `Secure` when users reach the site over https. */
export const securePublicUrl = () => (process.env.PUBLIC_URL ?? "").startsWith("https://");

function createAuth() {
  return betterAuth({
    appName: "减负监测",
    database: prismaAdapter(getDb(), { provider: databaseConfig().provider }),
    secret: process.env.AUTH_SECRET ?? "dev-only-secret-change-me-in-production-0123456789",
    baseURL: process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    trustedOrigins: (request) => {
      // Same-origin only: whatever host the browser used to reach this server.
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: true, defaultValue: "monitor" },
        regionCode: { type: "string", input: false, required: true, defaultValue: "" },
        departmentId: { type: "string", input: false, required: false },
        disabled: { type: "boolean", input: false, required: false, defaultValue: false },
      },
    },
    hooks: {
      // Per-account lockout on top of the per-address rate limit: offices share one address.
      // The attempt is counted before the password is checked, so parallel guesses cannot race past it.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN) return;
        const account = accountOf(ctx.body);
        const until = await (await loginLockout()).attempt(account);
        if (until) {
          const minutes = Math.ceil((until - Date.now()) / 60_000);
          throw new APIError("TOO_MANY_REQUESTS", {
            code: "ACCOUNT_LOCKED",
            message: `该账号连续登录失败次数过多，已临时锁定，请 ${minutes} 分钟后再试`,
          });
        }
        if (!signInLimiter().allow(`${ctx.headers?.get(CLIENT_ADDRESS_HEADER) ?? "unknown"}|${account}`)) {
          throw new APIError("TOO_MANY_REQUESTS", {
            code: "TOO_MANY_ATTEMPTS",
            message: "登录尝试过于频繁，请稍后再试",
          });
        }
        // A disabled account answers exactly like a wrong password, by going through the same
        // check with a password that cannot match (same response, same timing, counted as a failure).
        const user = await getDb().user.findUnique({ where: { username: account }, select: { disabled: true } });
        if (user?.disabled)
          return { context: { ...ctx, body: { ...(ctx.body as object), password: `disabled-${randomUUID()}` } } };
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN) return;
        const lockout = await loginLockout();
        if (ctx.context.newSession) await lockout.succeed(accountOf(ctx.body));
        else await lockout.fail(accountOf(ctx.body));
      }),
    },
    databaseHooks: {
      session: {
        // Logout ends the session everywhere: open sockets of this session are disconnected.
        delete: { after: async (session) => bus.emit("session:ended", session.token) },
        create: {
          before: async (session) => {
            const user = await getDb().user.findUnique({ where: { id: session.userId } });
            if (!user || user.disabled) return false;
            return { data: session };
          },
        },
      },
    },
    // Per client address as the HTTP server resolved it (TRUSTED_PROXIES decides whether
    // X-Forwarded-For is believed). Sign-in's own limit is keyed by address and account
    // in the hook above, so one person's guesses do not lock out an office behind one NAT.
    rateLimit: { enabled: true, window: 60, max: 300, customRules: { [SIGN_IN]: { window: 60, max: 300 } } },
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] }, useSecureCookies: securePublicUrl() },
    // Only username sign-in, sign-out and session reads are served (see AUTH_HTTP_PATHS); these are also
    // refused in-process, so e-mail sign-in cannot bypass the lockout and users cannot rename themselves.
    disabledPaths: DISABLED_AUTH_PATHS,
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 32 })],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as typeof globalThis & { __burdenAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.__burdenAuth ??= createAuth();
  return globalForAuth.__burdenAuth;
}

// The actor type lives in the domain; re-exported for the callers that get it from here.
export type { SessionUser };

/** The signed-in user behind these request headers, or null. */
export async function sessionUserFromHeaders(headers: Headers): Promise<SessionUser | null> {
  return (await sessionFromHeaders(headers))?.user ?? null;
}

/** The user and the session token behind these request headers, or null. */
export async function sessionFromHeaders(
  headers: Headers,
): Promise<{ user: SessionUser; token: string; expiresAt: Date } | null> {
  const result = await getAuth().api.getSession({ headers });
  if (!result) return null;
  const user = result.user as typeof result.user & Record<string, unknown>;
  if (user.disabled || !isRole(user.role) || typeof user.regionCode !== "string") return null;
  return {
    token: result.session.token,
    expiresAt: new Date(result.session.expiresAt),
    user: {
      id: user.id,
      username: String(user.username ?? ""),
      name: user.name,
      role: user.role,
      regionCode: user.regionCode,
      departmentId: typeof user.departmentId === "string" ? user.departmentId : null,
    },
  };
}
