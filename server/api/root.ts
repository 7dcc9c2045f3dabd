import { createCallerFactory, createTRPCRouter } from "./trpc";
import { recordRouter } from "./routers/record";
import { regionRouter } from "./routers/region";
import { sessionRouter } from "./routers/session";

export const appRouter = createTRPCRouter({
  record: recordRouter,
  region: regionRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
