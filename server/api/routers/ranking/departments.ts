import { z } from "zod";
import { departmentLeague } from "../../../services/departmentLeague";
import { defaultPeriod, regionInfo, scoreSettingsFor } from "../../../services/metrics";
import { regionProcedure } from "../../trpc";
import { periodSchema } from "../metrics/schemas";

/** Departments by hours imposed, hours per village reached and violations. */
export const departments = regionProcedure
  .input(z.object({ periodFrom: periodSchema.optional(), periodTo: periodSchema.optional() }))
  .query(async ({ ctx, input }) => {
    const to = input.periodTo ?? (await defaultPeriod(ctx.db, input.regionCode));
    const from = input.periodFrom ?? to;
    const settings = await scoreSettingsFor(ctx.db, input.regionCode);
    return departmentLeague(
      ctx.db,
      await regionInfo(ctx.db, input.regionCode),
      Math.min(from, to),
      Math.max(from, to),
      settings.minutes,
    );
  });
