import { createTRPCRouter } from "../../trpc";
import { create } from "./create";
import { departments } from "./departments";
import { end } from "./end";
import { history } from "./history";
import { list } from "./list";
import { update } from "./update";
import { withdraw } from "./withdraw";

export const recordRouter = createTRPCRouter({ create, departments, end, history, list, update, withdraw });
