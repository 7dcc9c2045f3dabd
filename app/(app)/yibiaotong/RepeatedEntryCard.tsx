"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Statistic, Typography } from "antd";
import Link from "next/link";
import { formatDecimal, formatNumber } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import { RowsTable } from "../../_components/QueryTable";

/** Repeated-entry hours beside the burden hours of a region, with the departments whose forms re-ask. */
export function RepeatedEntryCard({ regionCode }: { regionCode: string }) {
  const trpc = useTRPC();
  const burden = useQuery(trpc.formOverlap.burden.queryOptions({ regionCode }));
  const b = burden.data;
  if (!b) return null;
  return (
    <Card
      title="重复填写负担（一表通，近12个月）"
      size="small"
      extra={
        <Link href={`/yibiaotong?region=${regionCode.length > 6 ? regionCode.slice(0, 6) : regionCode}`}>
          查看合并建议
        </Link>
      }
      data-testid="repeated-entry-card"
    >
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic
            title="重复填写工时（小时）"
            value={Math.round(b.hours)}
            formatter={(x) => formatNumber(Number(x))}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="每村（小时）" value={formatDecimal(b.perVillage)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="重复填写字段（村·次）" value={b.entries} formatter={(x) => formatNumber(Number(x))} />
        </Col>
      </Row>
      {b.byDepartment.length > 0 && (
        <RowsTable
          style={{ marginTop: 12 }}
          rowKey="departmentId"
          dataSource={b.byDepartment.slice(0, 10)}
          columns={[
            { title: "部门（其表格重复索要已报数据）", dataIndex: "name" },
            { title: "重复填写字段", dataIndex: "entries", render: formatNumber },
            {
              title: "工时（小时）",
              dataIndex: "hours",
              render: (v: number) => formatDecimal(Math.round(v * 10) / 10),
            },
          ]}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        与负担工时并列：同一数据项一年内再次向另一张表填写的工时。
      </Typography.Text>
    </Card>
  );
}
