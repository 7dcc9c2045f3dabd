import { z } from "zod";
import { ruleVersions } from "../../../services/alerts/alertRules";
import { regionProcedure } from "../../trpc";

export const versions = regionProcedure
  .input(z.object({ ruleKey: z.string().min(1).max(60) }))
  .query(({ ctx, input }) => ruleVersions(ctx.db, input.regionCode, input.ruleKey));
