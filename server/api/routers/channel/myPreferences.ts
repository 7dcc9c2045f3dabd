import { myPreferences as mine } from "../../../services/notifications/preferences";
import { roleProcedure } from "../../trpc";

export const myPreferences = roleProcedure("inspector", "monitor", "admin", "county_leader").query(({ ctx }) => mine(ctx.db, ctx.user));
