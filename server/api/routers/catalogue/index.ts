import { createTRPCRouter } from "../../trpc";
import { history } from "./history";
import { list } from "./list";
import { retire } from "./retire";
import { save } from "./save";

export const catalogueRouter = createTRPCRouter({ history, list, retire, save });
