import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { retireCatalogueEntry } from "../../../services/catalogue";
import { dateSchema, itemKeySchema } from "./schemas";

/** Ends an entry from a date; governed records from then on are re-classified. */
export const retire = accessProcedure("catalogue.retire")
  .input(z.object({ itemKey: itemKeySchema, validTo: dateSchema }))
  .mutation(({ ctx, input }) => retireCatalogueEntry(ctx.db, ctx.user, input.itemKey, input.validTo));
