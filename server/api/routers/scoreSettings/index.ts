import { createTRPCRouter } from "../../trpc";
import { get } from "./get";
import { save } from "./save";

export const scoreSettingsRouter = createTRPCRouter({ get, save });
