import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { clientAddressOf } from "../../../http/clientAddress";
import { AccessCodeRateLimitedError, withAccessCodeGuard } from "../../../services/accessCodeGuard";
import { openReportingPoint } from "../../../services/directReports";
import { publicProcedure } from "../../trpc";
import { accessCodeSchema } from "./schemas";

/** A village cadre opens the reporting page with the point's access code (no account). */
export const open = publicProcedure.input(z.object({ accessCode: accessCodeSchema })).query(async ({ ctx, input }) => {
  try {
    return await withAccessCodeGuard(clientAddressOf(ctx.headers), () => openReportingPoint(ctx.db, input.accessCode));
  } catch (error) {
    if (error instanceof AccessCodeRateLimitedError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message });
    throw error;
  }
});
