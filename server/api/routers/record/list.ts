import { z } from "zod";
import { regionProcedure } from "../../trpc";
import { RECORD_SOURCES } from "../../../domain/recordSources";
import { listBurdenRecords } from "../../../services/records";
import { burdenKindSchema, periodSchema } from "./schemas";

/** Records scoped inside a region, newest first, filtered, keyset-paginated. */
export const list = regionProcedure
  .input(
    z.object({
      kind: burdenKindSchema.optional(),
      departmentId: z.string().max(40).optional(),
      periodFrom: periodSchema.optional(),
      periodTo: periodSchema.optional(),
      isViolation: z.boolean().optional(),
      includeWithdrawn: z.boolean().optional(),
      source: z.enum(RECORD_SOURCES, { error: "记录来源无效" }).optional(),
      text: z.string().trim().max(100, "搜索词不能超过100个字").optional(),
      pageSize: z.number().int().min(1).max(200).default(20),
      cursor: z.string().max(40).nullish(),
      // The list's later pages show the first page's total: counting it again on each is wasted.
      count: z.boolean().default(true),
    }),
  )
  .query(({ ctx, input }) => {
    const { pageSize, cursor, count, ...filter } = input;
    return listBurdenRecords(ctx.db, filter, pageSize, cursor ?? undefined, { count });
  });
