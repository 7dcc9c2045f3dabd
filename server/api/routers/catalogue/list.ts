import { z } from "zod";
import { regionProcedure } from "../../trpc";
import { listCatalogue } from "../../../services/catalogue";
import { catalogueSchema, dateSchema } from "./schemas";

/** Entries governing a region: from the regions above it and owned inside it. */
export const list = regionProcedure
  .input(z.object({ catalogue: catalogueSchema, onDate: dateSchema.optional() }))
  .query(({ ctx, input }) => listCatalogue(ctx.db, input.catalogue, input.regionCode, input.onDate));
