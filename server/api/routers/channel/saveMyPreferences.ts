import { saveMyPreferences as save } from "../../../services/notifications/preferences";
import { accessProcedure } from "../../trpc";
import { preferencesInput } from "./schemas";

/** An inspector's own e-mail and the quiet hours in which INFO alerts wait. */
export const saveMyPreferences = accessProcedure("channel.saveMyPreferences")
  .input(preferencesInput)
  .mutation(({ ctx, input }) => save(ctx.db, ctx.user, input));
