import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/server/auth";
import { servedAuthPath } from "@/server/auth/paths";

const handler = toNextJsHandler(getAuth());
const notFound = () => Response.json({ error: "接口不存在" }, { status: 404 });

// Only username sign-in, sign-out and the session are served: every other
// better-auth endpoint would skip the lockout, the password rule or the audit.
export const GET = (request: Request) => (servedAuthPath(request.url) ? handler.GET(request) : notFound());
export const POST = (request: Request) => (servedAuthPath(request.url) ? handler.POST(request) : notFound());
