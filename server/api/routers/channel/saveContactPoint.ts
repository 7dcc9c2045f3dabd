import { saveContactPoint as save } from "../../../services/notifications/channels";
import { accessProcedure } from "../../trpc";
import { contactPointInput } from "./schemas";

/** The secret is write-only: it is encrypted here and never returned. */
export const saveContactPoint = accessProcedure("channel.saveContactPoint")
  .input(contactPointInput)
  .mutation(({ ctx, input }) =>
    save(ctx.db, ctx.user, { ...input, secret: input.secret === undefined ? undefined : input.secret }),
  );
