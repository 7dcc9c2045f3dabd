import { createCallerFactory, createTRPCRouter } from "./trpc";
import { regionRouter } from "./routers/region";
import { sessionRouter } from "./routers/session";

export const appRouter = createTRPCRouter({
  region: regionRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
