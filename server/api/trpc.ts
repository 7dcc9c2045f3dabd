/**
 * tRPC setup in three parts: (1) the context every call gets, (2) the tRPC
 * instance with its error shape, (3) the procedures and middleware that every
 * router builds on. Routers stay thin: validate, call a service, return a DTO.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { sessionUserFromHeaders } from "../auth";
import type { SessionUser } from "../domain/actor";
import { getDb, type Db } from "../db/client";
import { isWithin } from "../domain/regions";
import type { Role } from "../domain/roles";
import { NotSignedInError, PermissionError, ROLE_REFUSAL } from "../domain/errors";
import { INTERNAL_MESSAGE, toTRPCError } from "./errors";
import { allows, PROCEDURE_ACCESS, type ProcedurePath } from "./permissions";
import "./zodLocale";

// ─── 1. Context ──────────────────────────────────────────────────────────

export interface Context {
  db: Db;
  user: SessionUser | null;
  headers: Headers;
}

export async function createContext({ headers }: { headers: Headers }): Promise<Context> {
  return { db: getDb(), user: await sessionUserFromHeaders(headers), headers };
}

// ─── 2. Initialisation ───────────────────────────────────────────────────

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodIssues = error.cause instanceof z.ZodError ? error.cause.issues : null;
    return {
      ...shape,
      // Clients get the Chinese message and the field paths, never a stack.
      message: zodIssues ? describeIssues(zodIssues) : chineseMessage(shape.message, shape.data.code),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: zodIssues?.map((issue) => ({ path: issue.path.join("."), message: issue.message })) ?? null,
        // "role" or "jurisdiction" on FORBIDDEN: clients tell the two apart without reading the message.
        refusal: error.cause instanceof PermissionError ? error.cause.reason : null,
      },
    };
  },
});

const DEFAULT_MESSAGES: Record<string, string> = {
  PARSE_ERROR: "请求格式有误，无法解析",
  BAD_REQUEST: "请求参数有误，无法解析输入",
  UNAUTHORIZED: "请先登录",
  FORBIDDEN: "无权执行此操作",
  NOT_FOUND: "请求的接口或数据不存在",
  METHOD_NOT_SUPPORTED: "请求方法不受支持",
  PAYLOAD_TOO_LARGE: "请求内容过大",
  TOO_MANY_REQUESTS: "请求过于频繁，请稍后再试",
  INTERNAL_SERVER_ERROR: "服务器内部错误，请稍后重试或联系管理员",
};

/** Messages we wrote are Chinese; library messages (English) get a Chinese one by code. */
function chineseMessage(message: string, code: string): string {
  return /\p{Script=Han}/u.test(message) ? message : (DEFAULT_MESSAGES[code] ?? "请求失败");
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return (
    "输入有误：" +
    issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}：${issue.message}` : issue.message)).join("；")
  );
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// ─── 3. Procedures and middleware ────────────────────────────────────────

/** Turns service errors into tRPC codes and hides anything unexpected. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error);
  if (mapped) throw mapped;
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    console.error(result.error);
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_MESSAGE });
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new NotSignedInError();
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Middleware: only the listed roles may call. Prefer accessProcedure, which reads the roles from the table. */
export function requireRoles(...roles: readonly Role[]) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user || !roles.includes(ctx.user.role)) throw new PermissionError(ROLE_REFUSAL, "role");
    return next();
  });
}

/** Only the listed roles may call. Prefer accessProcedure, which reads the roles from the table. */
export function roleProcedure(...roles: Role[]) {
  return protectedProcedure.use(requireRoles(...roles));
}

/** A signed-in procedure with the roles server/api/permissions.ts gives `path`. */
export function accessProcedure(path: ProcedurePath) {
  const access = PROCEDURE_ACCESS[path];
  if (access === "public") throw new Error(`${path} 为公开接口，应使用 publicProcedure`);
  return protectedProcedure.use(({ ctx, next }) => {
    if (!allows(access, ctx.user.role)) throw new PermissionError(ROLE_REFUSAL, "role");
    return next();
  });
}

/** accessProcedure for a procedure about one region: input carries `regionCode`, checked against jurisdiction. */
export function regionAccessProcedure(path: ProcedurePath) {
  return accessProcedure(path)
    .input(z.object({ regionCode: regionCodeSchema }))
    .use(({ ctx, input, next }) => {
      assertJurisdiction(ctx.user, input.regionCode);
      return next();
    });
}

export const regionCodeSchema = z
  .string({ error: "请提供区划代码" })
  .trim()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, "区划代码应为2、4、6、9或12位数字");

/** Throws FORBIDDEN unless `regionCode` lies in the user's own region subtree. */
export function assertJurisdiction(user: SessionUser, regionCode: string): void {
  if (!isWithin(regionCode, user.regionCode)) throw new PermissionError(`区划 ${regionCode} 不在您的管辖范围内`);
}

/** Procedures about one region: input carries `regionCode`, checked against jurisdiction. */
export const regionProcedure = protectedProcedure
  .input(z.object({ regionCode: regionCodeSchema }))
  .use(({ ctx, input, next }) => {
    assertJurisdiction(ctx.user, input.regionCode);
    return next();
  });
