"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { useMe } from "./useMe";

/**
 * The region and month every dashboard page shares, kept in the URL
 * (?region=…&period=…) so links, reloads and the navigation carry them.
 */
export function useScope() {
  const me = useMe();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const region = params.get("region") ?? me?.regionCode;
  const periodParam = Number(params.get("period"));
  const period = Number.isInteger(periodParam) && periodParam > 200000 ? periodParam : undefined;
  const set = useCallback(
    (patch: Record<string, string | number | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) next.delete(k);
        else next.set(k, String(v));
      }
      router.replace(`${pathname}?${next.toString()}`);
    },
    [params, pathname, router],
  );
  return {
    me,
    region,
    period,
    params,
    setRegion: (code: string) => set({ region: code }),
    setPeriod: (p: number) => set({ period: p }),
    set,
  };
}
