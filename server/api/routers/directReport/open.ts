import { z } from "zod";
import { RateLimitError } from "../../../domain/errors";
import { WindowLimiter } from "../../../domain/rateLimit";
import { openReportingPoint } from "../../../services/directReports";
import { publicProcedure } from "../../trpc";
import { accessCodeSchema } from "./schemas";

// Guessing access codes: 20 tries per client address per 10 minutes.
const globalForLimiter = globalThis as typeof globalThis & { __accessCodeLimiter?: WindowLimiter };
const limiter = (globalForLimiter.__accessCodeLimiter ??= new WindowLimiter(20, 10 * 60_000));

/** A village cadre opens the reporting page with the point's access code (no account). */
export const open = publicProcedure.input(z.object({ accessCode: accessCodeSchema })).query(({ ctx, input }) => {
  const client = ctx.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || ctx.headers.get("x-real-ip") || "unknown";
  if (!limiter.allow(client)) throw new RateLimitError("尝试次数过多，请10分钟后再试");
  return openReportingPoint(ctx.db, input.accessCode);
});
