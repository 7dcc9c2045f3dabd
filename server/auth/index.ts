import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { username } from "better-auth/plugins";
import { bus } from "../bus";
import { getDb } from "../db/client";
import { databaseConfig } from "../db/config";
import { loginLockout } from "../cluster/loginLockout";
import { isRole, type Role } from "../domain/roles";
import type { SessionUser } from "../domain/actor";

const SIGN_IN = "/sign-in/username";
const accountOf = (body: unknown) => String((body as { username?: unknown } | undefined)?.username ?? "").trim().toLowerCase();

const SESSION_DAYS = 7;

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
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN) return;
        const until = await (await loginLockout()).lockedUntil(accountOf(ctx.body));
        if (until) {
          const minutes = Math.ceil((until - Date.now()) / 60_000);
          throw new APIError("TOO_MANY_REQUESTS", { code: "ACCOUNT_LOCKED", message: `该账号连续登录失败次数过多，已临时锁定，请 ${minutes} 分钟后再试` });
        }
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
    // Per client IP. Offices sit behind one NAT address, so the sign-in limit is
    // generous here; per-account lockout is the stricter guard.
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: { "/sign-in/username": { window: 60, max: Number(process.env.AUTH_SIGNIN_PER_MINUTE ?? 30) } },
    },
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
export async function sessionFromHeaders(headers: Headers): Promise<{ user: SessionUser; token: string } | null> {
  const result = await getAuth().api.getSession({ headers });
  if (!result) return null;
  const user = result.user as typeof result.user & Record<string, unknown>;
  if (user.disabled || !isRole(user.role) || typeof user.regionCode !== "string") return null;
  return {
    token: result.session.token,
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
