import { z } from "zod";
import { RULE_TYPES } from "../../../domain/alerts";
import { listAlerts } from "../../../services/alerts/alertActions";
import { regionProcedure } from "../../trpc";

/** Alerts in a region with the sequence live events continue from. */
export const list = regionProcedure
  .input(
    z.object({
      states: z.array(z.enum(["PENDING", "FIRING", "RESOLVED"])).optional(),
      severity: z.enum(["INFO", "WARNING", "CRITICAL"]).optional(),
      ruleType: z.enum(RULE_TYPES, { error: "规则类型无效" }).optional(),
    }),
  )
  .query(({ ctx, input }) => listAlerts(ctx.db, input.regionCode, input));
