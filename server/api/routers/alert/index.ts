import { z } from "zod";
import {
  acknowledgeAlert,
  alertDetail,
  assignAlert,
  createSilence,
  listAlerts,
  listSilences,
  noteAlert,
  resolveAlertByHand,
} from "../../../services/alerts/alertActions";
import {
  createTRPCRouter,
  protectedProcedure,
  regionCodeSchema,
  regionProcedure,
  requireRoles,
  roleProcedure,
} from "../../trpc";

const handlers = ["inspector", "monitor", "admin", "county_leader"] as const;
const alertId = z.string({ error: "请提供预警编号" }).min(1).max(40);

/** Alerts in a region with the sequence live events continue from. */
const list = regionProcedure
  .input(
    z.object({
      states: z.array(z.enum(["PENDING", "FIRING", "RESOLVED"])).optional(),
      severity: z.enum(["INFO", "WARNING", "CRITICAL"]).optional(),
      ruleType: z.enum(["VIOLATION", "LEVEL", "STAT", "PEER", "SILENCE"]).optional(),
    }),
  )
  .query(({ ctx, input }) => listAlerts(ctx.db, input.regionCode, input));

/** One alert with its timeline and the records behind it; marks it opened by this user. */
const get = protectedProcedure
  .input(z.object({ id: alertId }))
  .query(({ ctx, input }) => alertDetail(ctx.db, ctx.user, input.id));

/** 签收: a reason is required; optional expiry and ceiling margin (reopens above acked value + margin). */
const acknowledge = roleProcedure(...handlers)
  .input(
    z.object({
      id: alertId,
      reason: z.string({ error: "请填写签收理由" }).trim().min(2, "请填写签收理由").max(500),
      expiresAt: z.coerce.date().nullish(),
      ceilingMargin: z.number().min(0, "回升幅度不能为负").max(1e6).nullish(),
    }),
  )
  .mutation(({ ctx, input }) =>
    acknowledgeAlert(ctx.db, ctx.user, {
      id: input.id,
      reason: input.reason,
      expiresAt: input.expiresAt ?? null,
      ceilingMargin: input.ceilingMargin ?? null,
    }),
  );

const assign = roleProcedure(...handlers)
  .input(z.object({ id: alertId, assigneeId: z.string().min(1).max(40) }))
  .mutation(({ ctx, input }) => assignAlert(ctx.db, ctx.user, input.id, input.assigneeId));

const note = roleProcedure(...handlers)
  .input(z.object({ id: alertId, body: z.string({ error: "请填写备注" }).trim().min(1, "请填写备注").max(2000) }))
  .mutation(({ ctx, input }) => noteAlert(ctx.db, ctx.user, input.id, input.body));

/** Resolved by hand with a rectification note; machine state is left to evaluation. */
const resolve = roleProcedure(...handlers)
  .input(
    z.object({
      id: alertId,
      rectification: z.string({ error: "请填写整改说明" }).trim().min(2, "请填写整改说明").max(2000),
    }),
  )
  .mutation(({ ctx, input }) => resolveAlertByHand(ctx.db, ctx.user, input.id, input.rectification));

/** Users an alert can be assigned to: inspectors and monitors whose jurisdiction contains the region. */
const assignees = regionProcedure.use(requireRoles(...handlers)).query(async ({ ctx, input }) => {
  const users = await ctx.db.user.findMany({
    where: { role: { in: ["inspector", "monitor"] }, disabled: false },
    select: { id: true, name: true, regionCode: true, role: true },
  });
  return users.filter((u) => input.regionCode.startsWith(u.regionCode));
});

const silence = roleProcedure("monitor", "inspector", "admin")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      ruleKey: z.string().max(60).nullish(),
      reason: z.string().trim().min(2, "请填写静默理由").max(500),
      expiresAt: z.coerce.date({ error: "请设置截止时间" }),
    }),
  )
  .mutation(({ ctx, input }) =>
    createSilence(ctx.db, ctx.user, {
      regionCode: input.regionCode,
      ruleKey: input.ruleKey ?? null,
      reason: input.reason,
      expiresAt: input.expiresAt,
    }),
  );

const silences = regionProcedure.query(({ ctx, input }) => listSilences(ctx.db, input.regionCode));

export const alertRouter = createTRPCRouter({
  acknowledge,
  assign,
  assignees,
  get,
  list,
  note,
  resolve,
  silence,
  silences,
});
