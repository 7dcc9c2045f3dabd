import { z } from "zod";
import { searchRegions } from "../../../services/regionSearch";
import { regionProcedure } from "../../trpc";
import { trimmedText } from "../../schemas";

/** Villages, communities and townships by name or pinyin initials, within the jurisdiction. */
export const search = regionProcedure
  .input(
    z.object({
      query: trimmedText("请输入地名或拼音首字母", 30, "搜索词不能超过30个字"),
    }),
  )
  .query(({ ctx, input }) => searchRegions(ctx.db, input.regionCode, input.query));
