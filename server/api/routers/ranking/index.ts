import { createTRPCRouter } from "../../trpc";
import { departments } from "./departments";
import { peers } from "./peers";

export const rankingRouter = createTRPCRouter({ departments, peers });
