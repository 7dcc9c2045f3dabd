import { createCallerFactory, createTRPCRouter } from "./trpc";
import { admissionRouter } from "./routers/admission";
import { alertRouter } from "./routers/alert";
import { auditRouter } from "./routers/audit";
import { catalogueRouter } from "./routers/catalogue";
import { directReportRouter } from "./routers/directReport";
import { exposureRouter } from "./routers/exposure";
import { formOverlapRouter } from "./routers/formOverlap";
import { metricsRouter } from "./routers/metrics";
import { rankingRouter } from "./routers/ranking";
import { recordRouter } from "./routers/record";
import { ruleRouter } from "./routers/rule";
import { scoreSettingsRouter } from "./routers/scoreSettings";
import { userRouter } from "./routers/user";
import { departmentRouter } from "./routers/department";
import { rectificationRouter } from "./routers/rectification";
import { regionRouter } from "./routers/region";
import { sessionRouter } from "./routers/session";
import { monthlyReportRouter } from "./routers/monthlyReport";
import { channelRouter } from "./routers/channel";

export const appRouter = createTRPCRouter({
  admission: admissionRouter,
  alert: alertRouter,
  audit: auditRouter,
  catalogue: catalogueRouter,
  directReport: directReportRouter,
  exposure: exposureRouter,
  formOverlap: formOverlapRouter,
  metrics: metricsRouter,
  ranking: rankingRouter,
  record: recordRouter,
  region: regionRouter,
  rule: ruleRouter,
  scoreSettings: scoreSettingsRouter,
  user: userRouter,
  session: sessionRouter,
  department: departmentRouter,
  rectification: rectificationRouter,
  monthlyReport: monthlyReportRouter,
  channel: channelRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
