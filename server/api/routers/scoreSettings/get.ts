import { scoreSettingsFor } from "../../../services/metrics";
import { scoreSettingsHistory } from "../../../services/scoreSettings";
import { regionProcedure } from "../../trpc";

/** Settings in force for a region (its own or inherited), and its saved versions. */
export const get = regionProcedure.query(async ({ ctx, input }) => ({
  current: await scoreSettingsFor(ctx.db, input.regionCode),
  versions: await scoreSettingsHistory(ctx.db, input.regionCode),
}));
