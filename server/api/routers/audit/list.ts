import { z } from "zod";
import { listAudit } from "../../../services/audit";
import { regionAccessProcedure } from "../../trpc";

/** Who did what, when, before and after, inside a region. */
export const list = regionAccessProcedure("audit.list")
  .input(
    z.object({
      action: z.string().max(40).optional(),
      entity: z.string().max(40).optional(),
      pageSize: z.number().int().min(1).max(200).default(30),
      cursor: z.string().max(40).nullish(),
    }),
  )
  .query(({ ctx, input }) =>
    listAudit(
      ctx.db,
      input.regionCode,
      { action: input.action, entity: input.entity },
      input.pageSize,
      input.cursor ?? undefined,
    ),
  );
