import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";

/** tRPC for server components: the same procedures and checks, called in-process. */
export const serverApi = cache(async () => createCaller(await createContext({ headers: await headers() })));
