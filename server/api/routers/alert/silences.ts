import { listSilences } from "../../../services/alerts/alertActions";
import { regionProcedure } from "../../trpc";

export const silences = regionProcedure.query(({ ctx, input }) => listSilences(ctx.db, input.regionCode));
