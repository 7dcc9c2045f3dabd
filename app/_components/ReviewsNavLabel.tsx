"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "antd";
import Link from "next/link";
import { useTRPC } from "../_trpc/client";

/** 待核实 with the number of records waiting for a monitor. */
export function ReviewsNavLabel({ href, regionCode }: { href: string; regionCode: string }) {
  const trpc = useTRPC();
  const counts = useQuery({ ...trpc.review.counts.queryOptions({ regionCode }), refetchInterval: 60_000 });
  return (
    <Link href={href}>
      待核实{" "}
      <Badge
        count={counts.data?.total ?? 0}
        size="small"
        offset={[6, -2]}
        overflowCount={999}
        color="orange"
        data-testid="reviews-badge"
      />
    </Link>
  );
}
