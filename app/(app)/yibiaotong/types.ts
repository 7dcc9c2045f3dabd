import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["formOverlap"];
export type CountyView = Outputs["county"];
export type Cluster = CountyView["clusters"][number];
export type RankingRow = Outputs["ranking"][number];
