import { regionProcedure } from "../../trpc";
import { departmentsServing } from "../../../services/departments";

/** Departments that may issue demands in a region: its own and those above it. */
export const departments = regionProcedure.query(({ ctx, input }) => departmentsServing(ctx.db, input.regionCode));
