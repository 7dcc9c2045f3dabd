import { z } from "zod";
import { BURDEN_KINDS } from "../../../domain/burdenKinds";
import { defaultPeriod } from "../../../services/metrics";
import { funnelPlot, peerScores } from "../../../services/rankings";
import { protectedProcedure, regionCodeSchema } from "../../trpc";
import { periodSchema } from "../metrics/schemas";
import { assertPeerAccess } from "./access";

/** The children of a region ranked by burden score, with rank intervals and a funnel plot. */
export const peers = protectedProcedure
  .input(
    z.object({
      parentCode: regionCodeSchema,
      period: periodSchema.optional(),
      funnelKind: z.enum([...BURDEN_KINDS, "ALL"], { error: "类别无效" }).default("FORM"),
      replicates: z.number().int().min(0).max(5000).default(1000),
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
