import { z } from "zod";
import { createExposureCase } from "../../../services/exposure";
import { accessProcedure, regionCodeSchema } from "../../trpc";

/** Monitors curate cases from alerts, records or their own findings. */
export const create = accessProcedure("exposure.create")
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
