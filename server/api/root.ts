import { createCallerFactory, createTRPCRouter } from "./trpc";
import { admissionRouter } from "./routers/admission";
import { catalogueRouter } from "./routers/catalogue";
import { recordRouter } from "./routers/record";
import { regionRouter } from "./routers/region";
import { sessionRouter } from "./routers/session";

export const appRouter = createTRPCRouter({
  admission: admissionRouter,
  catalogue: catalogueRouter,
  record: recordRouter,
  region: regionRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
