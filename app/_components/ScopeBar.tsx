"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, Select, Skeleton, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { latestPastPeriod } from "@/server/domain/periods";
import { useTRPC } from "../_trpc/client";
import { formatPeriod } from "./format";
import { RegionPicker } from "./RegionPicker";

/** Region and month pickers shared by 总览, 排名 and 地区详情. */
export function ScopeBar({
  region,
  period,
  onRegion,
  onPeriod,
  extra,
  outsideLabel,
  periodRegion,
}: {
  region?: string;
  period?: number;
  onRegion: (code: string) => void;
  onPeriod: (period: number) => void;
  extra?: ReactNode;
  /** Shown instead of the picker when `region` lies above the user's jurisdiction (peer rankings). */
  outsideLabel?: ReactNode;
  /** Region whose months fill the month picker; defaults to `region`. */
  periodRegion?: string;
}) {
  const trpc = useTRPC();
  const monthsOf = periodRegion ?? region;
  const periods = useQuery({
    ...trpc.metrics.periods.queryOptions({ regionCode: monthsOf ?? "" }),
    enabled: Boolean(monthsOf),
  });
  const options = [...(periods.data ?? [])].reverse();
  return (
    <Card size="small">
      {/* Items may not outgrow the card: on a phone the region picker is narrower than its 360 px. */}
      <Space wrap size="middle" style={{ maxWidth: "100%" }} styles={{ item: { maxWidth: "100%" } }}>
        {outsideLabel ?? <RegionPicker value={region} onChange={onRegion} />}
        <Space>
          <Typography.Text>月份</Typography.Text>
          <Select
            style={{ width: 140 }}
            value={period ?? latestPastPeriod(options)}
            onChange={onPeriod}
            options={options.map((p) => ({ value: p, label: formatPeriod(p) }))}
            placeholder="选择月份"
            aria-label="月份"
            data-testid="period-picker"
          />
        </Space>
        {extra}
      </Space>
    </Card>
  );
}

/** A scoped page without its data yet: the scope bar stays usable above the skeleton, or above `failure`. */
export function ScopePending({ scopeBar, failure }: { scopeBar: ReactNode; failure?: ReactNode }) {
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {scopeBar}
      {failure ?? <Skeleton active />}
    </Space>
  );
}
