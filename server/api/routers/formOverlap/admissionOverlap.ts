import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { admissionOverlap as overlapOf } from "../../../services/formOverlap/admissionOverlap";

/** How much a requested form overlaps forms already in the catalogue, shown before the monitor decides. */
export const admissionOverlap = accessProcedure("formOverlap.admissionOverlap")
  .input(z.object({ id: z.string({ error: "请提供申请编号" }).min(1, "请提供申请编号").max(40, "申请编号无效") }))
  .query(({ ctx, input }) => overlapOf(ctx.db, ctx.user, input.id));
