import { myPreferences as mine } from "../../../services/notifications/preferences";
import { accessProcedure } from "../../trpc";

export const myPreferences = accessProcedure("channel.myPreferences").query(({ ctx }) => mine(ctx.db, ctx.user));
