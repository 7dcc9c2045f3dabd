import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { crossSiteResponse, isCrossSite, tooLarge } from "@/server/http/security";

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BATCH_SIZE = 10;

const handler = (req: Request) => {
  if (req.method === "POST" && isCrossSite(req)) return crossSiteResponse();
  if (tooLarge(req, MAX_BODY_BYTES)) return Response.json({ error: "请求内容过大（上限 1 MB）" }, { status: 413 });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    // One request cannot queue unbounded work (e.g. twenty Monte Carlo rankings); the client link batches at most this many.
    maxBatchSize: MAX_BATCH_SIZE,
  });
};

export { handler as GET, handler as POST };
