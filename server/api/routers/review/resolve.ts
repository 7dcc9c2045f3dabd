import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { confirmAsItem, confirmViolation } from "../../../services/reviews";

export const resolveSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({
      id: z.string().min(1).max(40),
      decision: z.literal("MATCH"),
      item: z.string({ error: "请选择目录事项" }).trim().min(1, "请选择目录事项").max(200),
    }),
    z.object({
      id: z.string().min(1).max(40),
      decision: z.literal("VIOLATION"),
      note: z.string({ error: "请填写核实说明" }).trim().min(2, "请填写核实说明").max(500),
    }),
  ],
  { error: "核实结论应为“确认为目录事项”或“确认违规”" },
);

/** Resolves a 待核实 record: it is the catalogue item, or it is a violation. */
export const resolve = accessProcedure("review.resolve")
  .input(resolveSchema)
  .mutation(async ({ ctx, input }): Promise<{ decision: string; changed: number }> => {
    if (input.decision === "MATCH")
      return { decision: "MATCH", changed: (await confirmAsItem(ctx.db, ctx.user, input.id, input.item)).changed };
    await confirmViolation(ctx.db, ctx.user, input.id, input.note);
    return { decision: "VIOLATION", changed: 1 };
  });
