import { createTRPCRouter } from "../../trpc";
import { create } from "./create";
import { list } from "./list";
import { move } from "./move";

export const exposureRouter = createTRPCRouter({ create, list, move });
