"use client";

import { Card, Col, Row, Statistic, Table, Tabs } from "antd";
import { percent } from "./labels";

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
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="整改事项" value={total.total} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title="未销号 / 其中逾期"
            value={`${total.open} / ${total.overdue}`}
            styles={{ content: total.overdue ? { color: "#cf1322" } : undefined }}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="整改率" value={percent(total.rectificationRate)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="按期整改率" value={percent(total.onTimeRate)} />
        </Card>
      </Col>
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
  return (
    <Tabs
      items={[
        {
          key: "d",
          label: "按部门",
          children: (
            <Table
              size="small"
              rowKey="key"
              dataSource={departments}
              columns={columns("部门")}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="rates-departments"
            />
          ),
        },
        {
          key: "c",
          label: "按县（市、区）",
          children: (
            <Table
              size="small"
              rowKey="key"
              dataSource={counties}
              columns={columns("县（市、区）")}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
            />
          ),
        },
      ]}
    />
  );
}
