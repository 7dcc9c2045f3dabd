"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Skeleton, Statistic, Tag } from "antd";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { BURDEN_KIND_NAMES } from "@/server/domain/burdenKinds";
import { BAND_COLORS, BAND_NAMES, KIND_COLORS } from "../../../_components/charts";
import { formatDecimal, formatPeriod } from "../../../_components/format";
import { ChartBox } from "../../../_components/ChartBox";
import { useTRPC } from "../../../_trpc/client";
import { RowsTable } from "../../../_components/QueryTable";

/** 地区详情: the region's score by kind, its trend against peers' median, its worst departments. */
export function RegionMetricsPanel({ code, period }: { code: string; period?: number }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.metrics.regionDetail.queryOptions({ regionCode: code, period }));
  const d = detail.data;
  if (detail.error) return null;
  if (!d) return <Skeleton active />;
  return (
    <Card
      title={`地区详情 · ${formatPeriod(d.period)}（目标值冻结于 ${formatPeriod(d.settings.baselinePeriod)}）`}
      data-testid="region-metrics"
    >
      {d.standing ? (
        <Row gutter={24}>
          <Col xs={24} lg={6}>
            <Statistic title="负担得分（0–100，越高越重）" value={d.standing.score} precision={1} />
            <Tag color={BAND_COLORS[d.standing.band]} style={{ marginTop: 8 }}>
              {BAND_NAMES[d.standing.band]}
            </Tag>
            {d.standing.rank !== null && (
              <div style={{ marginTop: 8 }}>同级第 {d.standing.rank} 位（第1位负担最轻）</div>
            )}
            <div style={{ marginTop: 8, color: "#666" }}>上月得分 {formatDecimal(d.standing.previousScore)}</div>
          </Col>
          <Col xs={24} lg={18}>
            <ChartBox height={260} data-testid="score-breakdown">
              <BarChart
                data={d.standing.breakdown.map((k) => ({
                  name: BURDEN_KIND_NAMES[k.kind],
                  contribution: k.contribution,
                  score: k.score,
                  kind: k.kind,
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" interval={0} angle={-20} textAnchor="end" height={60} tick={{ fontSize: 11 }} />
                <YAxis />
                <Tooltip
                  formatter={(v, name) => [
                    formatDecimal(Number(v)),
                    name === "contribution" ? "对总分的贡献" : "单项得分",
                  ]}
                />
                <Bar dataKey="contribution" name="对总分的贡献">
                  {d.standing.breakdown.map((k) => (
                    <Cell key={k.kind} fill={KIND_COLORS[k.kind]} />
                  ))}
                </Bar>
              </BarChart>
            </ChartBox>
          </Col>
        </Row>
      ) : (
        <Empty description="省级单位没有同级比较" />
      )}
      <Row gutter={24} style={{ marginTop: 24 }}>
        <Col xs={24} lg={14}>
          <ChartBox height={260} data-testid="score-trend">
            <LineChart data={d.trend.map((t) => ({ ...t, label: formatPeriod(t.period) }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} />
              <YAxis domain={[0, 100]} />
              <Tooltip formatter={(v) => formatDecimal(Number(v))} />
              <Legend />
              <Line dataKey="score" name="本单位得分" stroke="#b71c1c" strokeWidth={2} />
              <Line dataKey="peerMedian" name="同级中位数" stroke="#546e7a" strokeDasharray="4 3" />
            </LineChart>
          </ChartBox>
        </Col>
        <Col xs={24} lg={10}>
          <RowsTable
            rowKey="name"
            title={() => "负担最重的部门（近12个月）"}
            dataSource={d.worstDepartments}
            data-testid="worst-departments"
            columns={[
              { title: "部门", dataIndex: "name" },
              { title: "工时（小时）", dataIndex: "hours", align: "right", render: (v: number) => formatDecimal(v) },
              {
                title: "每村工时",
                dataIndex: "hoursPerVillageReached",
                align: "right",
                render: (v: number) => formatDecimal(v),
              },
              { title: "违规村次", dataIndex: "violationUnits", align: "right" },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
