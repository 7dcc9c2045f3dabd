import { z } from "zod";
import { accessProcedure, regionCodeSchema } from "../../trpc";
import { acceptProposal } from "../../../services/formOverlap/proposals";

/** Accepting a merge proposal files a draft form-list change (a pending admission request). */
export const accept = accessProcedure("formOverlap.accept")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      clusterKey: z.string({ error: "请指定合并建议" }).min(1, "请指定合并建议").max(4000, "合并建议编号过长"),
    }),
  )
  .mutation(({ ctx, input }) =>
    acceptProposal(ctx.db, ctx.user, { countyCode: input.regionCode, clusterKey: input.clusterKey }),
  );
