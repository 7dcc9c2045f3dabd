import { createTRPCRouter } from "../../trpc";
import { convert } from "./convert";
import { issueAccessCode } from "./issueAccessCode";
import { list } from "./list";
import { open } from "./open";
import { points } from "./points";
import { reject } from "./reject";
import { status } from "./status";

export const directReportRouter = createTRPCRouter({ convert, issueAccessCode, list, open, points, reject, status });
