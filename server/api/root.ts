import { createCallerFactory, createTRPCRouter } from "./trpc";
import { admissionRouter } from "./routers/admission";
import { auditRouter } from "./routers/audit";
import { catalogueRouter } from "./routers/catalogue";
import { directReportRouter } from "./routers/directReport";
import { metricsRouter } from "./routers/metrics";
import { rankingRouter } from "./routers/ranking";
import { recordRouter } from "./routers/record";
import { scoreSettingsRouter } from "./routers/scoreSettings";
import { regionRouter } from "./routers/region";
import { sessionRouter } from "./routers/session";

export const appRouter = createTRPCRouter({
  admission: admissionRouter,
  audit: auditRouter,
  catalogue: catalogueRouter,
  directReport: directReportRouter,
  metrics: metricsRouter,
  ranking: rankingRouter,
  record: recordRouter,
  region: regionRouter,
  scoreSettings: scoreSettingsRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
