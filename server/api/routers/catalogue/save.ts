import { z } from "zod";
import { accessProcedure, regionCodeSchema } from "../../trpc";
import { saveCatalogueEntry } from "../../../services/catalogue";
import { catalogueSchema, dateSchema, detailsSchema } from "./schemas";

/** Adds an entry or writes its next version; governed records are re-classified. */
export const save = accessProcedure("catalogue.save")
  .input(
    z.object({
      catalogue: catalogueSchema,
      ownerRegionCode: regionCodeSchema,
      name: z.string({ error: "请填写名称" }).trim().min(1, "请填写名称").max(200, "名称不能超过200个字"),
      details: detailsSchema,
      departmentId: z.string().max(40).nullish(),
      validFrom: dateSchema,
    }),
  )
  .mutation(({ ctx, input }) => saveCatalogueEntry(ctx.db, ctx.user, input));
