"use client";

import { Card, Col, Statistic, type StatisticProps } from "antd";

/** One figure of a dashboard row: two to a row on a phone, `md` columns of 24 on a wider screen. */
export function StatCard({ md, ...statistic }: StatisticProps & { md: number; "data-testid"?: string }) {
  return (
    <Col xs={12} md={md}>
      <Card size="small">
        <Statistic {...statistic} />
      </Card>
    </Col>
  );
}
