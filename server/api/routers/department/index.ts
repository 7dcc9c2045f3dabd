import { createTRPCRouter } from "../../trpc";
import { selfCheck } from "./selfCheck";
import { selfReport } from "./selfReport";
import { workspace } from "./workspace";

export const departmentRouter = createTRPCRouter({ selfCheck, selfReport, workspace });
