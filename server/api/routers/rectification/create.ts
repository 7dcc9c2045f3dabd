import { z } from "zod";
import { createManualItem } from "../../../services/rectification/create";
import { accessProcedure } from "../../trpc";
import { actionSchema, clauseSchema, deadlineSchema, severitySchema } from "./schemas";
import { trimmedText } from "../../schemas";

/** A monitor's own finding, by hand. */
export const create = accessProcedure("rectification.create")
  .input(
    z.object({
      departmentId: z.string({ error: "请选择责任部门" }).min(1, "请选择责任部门").max(40),
      clause: clauseSchema,
      title: z.string({ error: "请填写问题标题" }).trim().min(2, "请填写问题标题").max(200, "标题不能超过200个字"),
      requirement: trimmedText("请填写整改要求", 2000, "整改要求不能超过2000个字", 2),
      action: actionSchema,
      severity: severitySchema.default("WARNING"),
      deadline: deadlineSchema.nullish(),
      recordIds: z.array(z.string().min(1).max(40)).max(500).default([]),
    }),
  )
  .mutation(({ ctx, input }) => createManualItem(ctx.db, ctx.user, { ...input, deadline: input.deadline ?? null }));
