"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, Card, Space } from "antd";
import { useTRPC } from "../../_trpc/client";
import { RateSummary, RateTables } from "./RateCards";

/** 地区详情: how this region's departments and counties close their rectification items. */
export function RegionRectificationCard({ code }: { code: string }) {
  const trpc = useTRPC();
  const stats = useQuery(trpc.rectification.stats.queryOptions({ regionCode: code }));
  if (!stats.data || stats.data.total.total === 0) return null;
  return (
    <Card
      title="整改情况"
      extra={
        <Space>
          <Button size="small" href={`/rectification?region=${code}`}>
            查看整改事项
          </Button>
          <Button size="small" href={`/api/rectification/export?regionCode=${code}`}>
            导出 Excel
          </Button>
        </Space>
      }
      data-testid="region-rectification"
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <RateSummary total={stats.data.total} />
        <RateTables departments={stats.data.departments} counties={stats.data.counties} />
      </Space>
    </Card>
  );
}
