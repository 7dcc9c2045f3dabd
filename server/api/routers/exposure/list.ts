import { z } from "zod";
import { listExposureCases } from "../../../services/exposure";
import { regionProcedure } from "../../trpc";

/** Cases in a region; inspectors and leaders see what is published. */
export const list = regionProcedure
  .input(z.object({ states: z.array(z.enum(["DRAFT", "PENDING_APPROVAL", "PUBLISHED", "RECTIFIED"])).optional() }))
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
