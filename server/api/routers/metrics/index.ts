import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";
import { periods } from "./periods";
import { regionDetail } from "./regionDetail";

export const metricsRouter = createTRPCRouter({ overview, periods, regionDetail });
