import { regionAccessProcedure } from "../../trpc";
import { dictionaryView } from "../../../services/formOverlap/forms";

/** The county's field names with their data items; unmapped ones first. */
export const dictionary = regionAccessProcedure("formOverlap.dictionary").query(({ ctx, input }) =>
  dictionaryView(ctx.db, ctx.user, input.regionCode),
);
