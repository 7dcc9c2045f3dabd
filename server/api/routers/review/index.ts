import { createTRPCRouter } from "../../trpc";
import { counts } from "./counts";
import { list } from "./list";
import { resolve } from "./resolve";

export const reviewRouter = createTRPCRouter({ counts, list, resolve });
