import { z } from "zod";
import { BURDEN_KINDS } from "../../../domain/burdenKinds";
import { defaultPeriod } from "../../../services/metrics";
import { funnelPlot, peerScores } from "../../../services/rankings";
import { protectedProcedure, regionCodeSchema } from "../../trpc";
import { periodSchema } from "../metrics/schemas";
import { assertPeerAccess } from "./access";

export const MAX_REPLICATES = 1000;

/** The children of a region ranked by burden score, with rank intervals and a funnel plot. */
export const peers = protectedProcedure
  .input(
    z.object({
      parentCode: regionCodeSchema,
      period: periodSchema.optional(),
      funnelKind: z.enum([...BURDEN_KINDS, "ALL"], { error: "类别无效" }).default("FORM"),
      // 1,000 replicates give stable 5%–95% intervals; more only buys CPU time an attacker could spend.
      replicates: z
        .number({ error: "蒙特卡洛次数应为整数" })
        .int("蒙特卡洛次数应为整数")
        .min(0, "蒙特卡洛次数不能为负")
        .max(MAX_REPLICATES, `蒙特卡洛次数不能超过 ${MAX_REPLICATES}`)
        .default(1000),
    }),
  )
  .query(async ({ ctx, input }) => {
    assertPeerAccess(ctx.user, input.parentCode);
    const period = input.period ?? (await defaultPeriod(ctx.db, input.parentCode));
    const scores = await peerScores(ctx.db, input.parentCode, period, { replicates: input.replicates });
    return {
      ...scores,
      peers: scores.peers.map(({ metrics: _metrics, ...peer }) => peer),
      funnel: funnelPlot(scores.peers, input.funnelKind),
    };
  });
