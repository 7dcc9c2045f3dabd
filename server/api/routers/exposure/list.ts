import { z } from "zod";
import { EXPOSURE_STATES } from "../../../services/dto/exposure";
import { listExposureCases } from "../../../services/exposure";
import { regionProcedure } from "../../trpc";

/** Cases in a region; inspectors and leaders see what is published. */
export const list = regionProcedure
  .input(z.object({ states: z.array(z.enum(EXPOSURE_STATES, { error: "通报状态无效" })).optional() }))
  .query(({ ctx, input }) => listExposureCases(ctx.db, ctx.user, input.regionCode, input.states));
