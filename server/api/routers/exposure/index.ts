import { z } from "zod";
import { createExposureCase, listExposureCases, moveExposureCase } from "../../../services/exposure";
import { accessProcedure, createTRPCRouter, regionCodeSchema, regionProcedure } from "../../trpc";

/** Cases in a region; inspectors and leaders see what is published. */
const list = regionProcedure
  .input(z.object({ states: z.array(z.enum(["DRAFT", "PENDING_APPROVAL", "PUBLISHED", "RECTIFIED"])).optional() }))
  .query(({ ctx, input }) => {
    const curator = ctx.user.role === "monitor" || ctx.user.role === "admin";
    // After role visibility an empty filter means nothing, never "no filter".
    const states = curator
      ? input.states?.length
        ? input.states
        : undefined
      : (input.states ?? ["PUBLISHED", "RECTIFIED"]).filter((s) => s === "PUBLISHED" || s === "RECTIFIED");
    return listExposureCases(ctx.db, input.regionCode, states);
  });

/** Monitors curate cases from alerts, records or their own findings. */
const create = accessProcedure("exposure.create")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      departmentId: z.string({ error: "请选择被通报部门" }).min(1, "请选择被通报部门").max(40),
      title: z.string({ error: "请填写问题标题" }).trim().min(2, "请填写问题标题").max(200),
      demanded: z.string({ error: "请描述违规要求" }).trim().min(2, "请描述违规要求").max(2000),
      clause: z.number({ error: "请选择违反的条款" }).int().min(1, "条款应为第1至8条").max(8, "条款应为第1至8条"),
      evidence: z.string().trim().max(2000).nullish(),
      rectification: z.string({ error: "请填写整改要求" }).trim().min(2, "请填写整改要求").max(2000),
      deadline: z.coerce.date({ error: "请设置整改期限" }),
      alertId: z.string().max(40).nullish(),
      recordId: z.string().max(40).nullish(),
    }),
  )
  .mutation(({ ctx, input }) => createExposureCase(ctx.db, ctx.user, { ...input, evidence: input.evidence ?? null }));

/** submit → (another person) publish or reject → rectified. */
const move = accessProcedure("exposure.move")
  .input(
    z.object({
      id: z.string().min(1).max(40),
      step: z.enum(["submit", "publish", "reject", "rectified"], { error: "操作无效" }),
    }),
  )
  .mutation(({ ctx, input }) => moveExposureCase(ctx.db, ctx.user, input.id, input.step));

export const exposureRouter = createTRPCRouter({ create, list, move });
