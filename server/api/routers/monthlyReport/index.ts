import { createTRPCRouter } from "../../trpc";
import { generate } from "./generate";
import { list } from "./list";

export const monthlyReportRouter = createTRPCRouter({ generate, list });
