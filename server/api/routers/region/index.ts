import { createTRPCRouter } from "../../trpc";
import { children } from "./children";
import { detail } from "./detail";
import { mine } from "./mine";
import { search } from "./search";

export const regionRouter = createTRPCRouter({ children, detail, mine, search });
