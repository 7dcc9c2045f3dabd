import { z } from "zod";
import { accessProcedure, regionCodeSchema } from "../../trpc";
import { dismissProposal } from "../../../services/formOverlap/proposals";
import { trimmedText } from "../../schemas";

/** Dismissing a merge proposal needs a reason. */
export const dismiss = accessProcedure("formOverlap.dismiss")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      clusterKey: z.string({ error: "请指定合并建议" }).min(1, "请指定合并建议").max(4000, "合并建议编号过长"),
      reason: trimmedText("请填写不采纳的理由", 500, "理由不能超过500个字", 2, "不采纳合并建议须填写理由"),
    }),
  )
  .mutation(({ ctx, input }) =>
    dismissProposal(ctx.db, ctx.user, {
      countyCode: input.regionCode,
      clusterKey: input.clusterKey,
      reason: input.reason,
    }),
  );
