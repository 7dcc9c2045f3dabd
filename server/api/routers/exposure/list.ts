import { z } from "zod";
import { EXPOSURE_STATES } from "../../../services/dto/exposure";
import { listExposureCases } from "../../../services/exposure";
import { regionProcedure } from "../../trpc";

/** Cases in a region; inspectors and leaders see what is published. */
export const list = regionProcedure
  .input(z.object({ states: z.array(z.enum(EXPOSURE_STATES, { error: "通报状态无效" })).optional() }))
  .query(({ ctx, input }) => {
    const curator = ctx.user.role === "monitor" || ctx.user.role === "admin";
    // After role visibility an empty filter means nothing, never "no filter".
    const states = curator
      ? input.states?.length
        ? input.states
        : undefined
      : (input.states ?? ["PUBLISHED", "RECTIFIED"]).filter((s) => s === "PUBLISHED" || s === "RECTIFIED");
    return listExposureCases(ctx.db, input.regionCode, states);
  });
