"use client";

import { Row, Table, Tabs } from "antd";
import { percent } from "./labels";
import { StatCard } from "../../_components/StatCard";

interface RateRow {
  key: string;
  name: string;
  total: number;
  closed: number;
  overdue: number;
  closedOnTime: number;
  rectificationRate: number | null;
  onTimeRate: number | null;
}

export function RateSummary({ total }: { total: Omit<RateRow, "key" | "name"> & { open: number } }) {
  return (
    <Row gutter={16}>
      <StatCard md={6} title="整改事项" value={total.total} />
      <StatCard
        md={6}
        title="未销号 / 其中逾期"
        value={`${total.open} / ${total.overdue}`}
        styles={{ content: total.overdue ? { color: "#cf1322" } : undefined }}
      />
      <StatCard md={6} title="整改率" value={percent(total.rectificationRate)} />
      <StatCard md={6} title="按期整改率" value={percent(total.onTimeRate)} />
    </Row>
  );
}

export function RateTables({ departments, counties }: { departments: RateRow[]; counties: RateRow[] }) {
  const columns = (label: string) => [
    { title: label, dataIndex: "name" },
    { title: "事项", dataIndex: "total", align: "right" as const },
    { title: "已销号", dataIndex: "closed", align: "right" as const },
    { title: "逾期", dataIndex: "overdue", align: "right" as const },
    { title: "整改率", dataIndex: "rectificationRate", align: "right" as const, render: percent },
    { title: "按期整改率", dataIndex: "onTimeRate", align: "right" as const, render: percent },
  ];
  const table = (rows: RateRow[], label: string, testId?: string) => (
    <Table
      size="small"
      rowKey="key"
      dataSource={rows}
      columns={columns(label)}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid={testId}
    />
  );
  return (
    <Tabs
      items={[
        {
          key: "d",
          label: "按部门",
          children: table(departments, "部门", "rates-departments"),
        },
        {
          key: "c",
          label: "按县（市、区）",
          children: table(counties, "县（市、区）"),
        },
      ]}
    />
  );
}
