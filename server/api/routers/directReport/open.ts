import { z } from "zod";
import { clientAddressOf } from "../../../http/clientAddress";
import { withAccessCodeGuard } from "../../../services/accessCodeGuard";
import { openReportingPoint } from "../../../services/directReports";
import { publicProcedure } from "../../trpc";
import { accessCodeSchema } from "./schemas";

/** A village cadre opens the reporting page with the point's access code (no account). */
export const open = publicProcedure
  .input(z.object({ accessCode: accessCodeSchema }))
  .query(({ ctx, input }) =>
    withAccessCodeGuard(clientAddressOf(ctx.headers), () => openReportingPoint(ctx.db, input.accessCode)),
  );
