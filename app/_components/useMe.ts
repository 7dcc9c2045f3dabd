"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../_trpc/client";

export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.session.me.queryOptions()).data ?? null;
}
