"use client";

import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from "antd";
import Link from "next/link";
import { BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { BAND_COLORS, BAND_NAMES, BAND_SHORT_NAMES, KIND_SERIES } from "../../_components/charts";
import { formatDecimal, formatFixed2, formatNumber, formatPeriod } from "../../_components/format";
import { ScopeBar, ScopePending } from "../../_components/ScopeBar";
import { ChartBox, kindStackedBars } from "../../_components/ChartBox";
import { useScope } from "../../_components/useScope";
import { describeChange } from "@/server/domain/explain";
import { Explain } from "../../_components/Explain";
import { useIsPhone } from "../../_components/useIsPhone";
import { useTRPC } from "../../_trpc/client";
import { LoadError } from "../../_components/LoadError";
import { PageStack } from "../../_components/PageStack";

function Change({ value, previous, unit }: { value: number; previous: number; unit: string }) {
  // Counts on a small base change by so many percent that the figure means nothing: say how many.
  const change = describeChange(value, previous, unit, unit === "村次" ? 20 : 0.5);
  if (change.direction === "flat") return <Typography.Text type="secondary">{change.text}</Typography.Text>;
  // A rising burden is bad news: red up, green down.
  return change.direction === "up" ? (
    <Typography.Text type="danger">
      <ArrowUpOutlined /> {change.text}
    </Typography.Text>
  ) : (
    <Typography.Text type="success">
      <ArrowDownOutlined /> {change.text}
    </Typography.Text>
  );
}

/** Axis ticks without floating-point tails ("0.30000000000000004"). */
const tick = (v: number) => formatDecimal(Number(v));

export function OverviewView() {
  const trpc = useTRPC();
  const phone = useIsPhone();
  const { region, period, setRegion, setPeriod, params } = useScope();
  const data = useQuery({
    ...trpc.metrics.overview.queryOptions({ regionCode: region ?? "", period }),
    enabled: Boolean(region),
    placeholderData: (p) => p,
  });
  const o = data.data;
  // Rotated names need room below the bars: "长春净月高新技术产业开发区" ran into the legend at a fixed 70 px.
  const longestName = Math.max(0, ...(o?.children ?? []).map((c) => c.name.length));
  const axisHeight = Math.min(140, 24 + longestName * 6);
  const scopeBar = <ScopeBar region={region} period={o?.period ?? period} onRegion={setRegion} onPeriod={setPeriod} />;
  if (data.error) return <ScopePending scopeBar={scopeBar} failure={<LoadError error={data.error} />} />;
  if (!o) return <ScopePending scopeBar={scopeBar} />;
  const childLink = (code: string) =>
    `/overview?${new URLSearchParams({ ...Object.fromEntries(params.entries()), region: code }).toString()}`;

  return (
    <PageStack>
      {scopeBar}
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="overview-title">
        {o.region.name} · {formatPeriod(o.period)} 减负监测总览（{o.region.villages} 个村级单位）
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="overview-as-of">
        数据截至 {dayjs(o.asOf).format("HH:mm:ss")}（填报频繁时定期汇总，最多滞后半分钟）
      </Typography.Text>
      <Row gutter={[16, 16]}>
        {o.headlines.map((h) => (
          <Col xs={24} sm={12} lg={6} key={h.key}>
            <Card size="small" data-testid={`headline-${h.key}`}>
              <Statistic
                title={h.label}
                value={h.value}
                formatter={(v) => (h.key === "violations" ? formatNumber(Number(v)) : formatFixed2(Number(v)))}
                suffix={h.unit}
              />
              <Change value={h.value} previous={h.previous} unit={h.unit} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={
          <span style={{ whiteSpace: "normal" }}>
            近12个月趋势：各类负担村均数量（左轴，项/村）与村均负担工时（右轴，小时/村）
          </span>
        }
        extra={<Explain terms={["per-village", "hours"]} />}
      >
        {o.trend.every((t) => t.hoursPerVillage === 0) ? (
          <Empty
            data-testid="trend-empty"
            description={`${o.region.name}近12个月没有负担记录${o.region.villages === 0 ? "（尚未导入下辖村级区划）" : ""}，所以趋势图为空。`}
          />
        ) : (
          <ChartBox height={phone ? 440 : 340} data-testid="trend-chart">
            <LineChart data={o.trend.map((t) => ({ ...t, label: formatPeriod(t.period) }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} />
              <YAxis
                yAxisId="rate"
                tickFormatter={tick}
                width={44}
                label={{ value: "项/村", angle: -90, position: "insideLeft", fontSize: 12 }}
              />
              <YAxis
                yAxisId="hours"
                orientation="right"
                tickFormatter={tick}
                width={44}
                label={{ value: "小时/村", angle: 90, position: "insideRight", fontSize: 12 }}
              />
              <Tooltip formatter={(v) => formatDecimal(Number(v))} />
              <Legend />
              <Line
                yAxisId="hours"
                type="monotone"
                dataKey="hoursPerVillage"
                name="村均负担工时（右轴）"
                stroke="#000"
                strokeWidth={2}
                dot={false}
              />
              {KIND_SERIES.map((s) => (
                <Line
                  key={s.kind}
                  yAxisId="rate"
                  type="monotone"
                  dataKey={s.kind}
                  name={s.name}
                  stroke={s.color}
                  dot={false}
                />
              ))}
            </LineChart>
          </ChartBox>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<span style={{ whiteSpace: "normal" }}>下级单位村均负担工时（小时/村，按类别堆叠）</span>}>
            <ChartBox height={(phone ? 390 : 310) + axisHeight} data-testid="children-chart">
              <BarChart data={o.children.map((c) => ({ name: c.name, ...c.hoursByKind }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="name"
                  interval={0}
                  angle={-30}
                  textAnchor="end"
                  height={axisHeight}
                  tick={{ fontSize: 11 }}
                />
                <YAxis
                  tickFormatter={tick}
                  width={48}
                  label={{ value: "小时/村", angle: -90, position: "insideLeft", fontSize: 12 }}
                />
                <Tooltip formatter={(v) => `${formatDecimal(Number(v))} 小时/村`} />
                {kindStackedBars()}
              </BarChart>
            </ChartBox>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<span style={{ whiteSpace: "normal" }}>部门负担工时前十（小时，按类别堆叠）</span>}>
            <ChartBox height={phone ? 480 : 380} data-testid="department-chart">
              <BarChart
                layout="vertical"
                data={o.departments.map((d) => ({ name: d.name, ...d.hoursByKind }))}
                margin={{ left: phone ? 0 : 40 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  type="number"
                  tickFormatter={tick}
                  label={{ value: "小时", position: "insideBottomRight", offset: -4, fontSize: 12 }}
                />
                <YAxis type="category" dataKey="name" width={phone ? 96 : 150} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v) => `${formatDecimal(Number(v))} 小时`} />
                {kindStackedBars()}
              </BarChart>
            </ChartBox>
          </Card>
        </Col>
      </Row>
      {o.children.length > 0 && (
        <Card title="下级单位（点击名称逐级下钻）" extra={<Explain terms={["score", "band"]} />}>
          <Table
            size="small"
            rowKey="code"
            dataSource={o.children}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="drilldown-table"
            scroll={phone ? { x: "max-content" } : undefined}
            columns={[
              {
                title: "名称",
                dataIndex: "name",
                render: (name: string, r) => <Link href={childLink(r.code)}>{name}</Link>,
              },
              {
                title: "负担得分",
                dataIndex: "score",
                align: "right",
                sorter: (a, b) => a.score - b.score,
                render: (v: number) => formatDecimal(v),
              },
              {
                title: "分档",
                dataIndex: "band",
                render: (b: number) => <Tag color={BAND_COLORS[b]}>{(phone ? BAND_SHORT_NAMES : BAND_NAMES)[b]}</Tag>,
              },
              ...(phone ? [] : [{ title: "村级单位", dataIndex: "villages", align: "right" as const }]),
              {
                title: "村均工时（小时）",
                dataIndex: "hoursPerVillage",
                align: "right",
                sorter: (a, b) => a.hoursPerVillage - b.hoursPerVillage,
                render: (v: number) => formatDecimal(v),
              },
              ...(phone
                ? []
                : [
                    {
                      title: "村均表格（次）",
                      dataIndex: "formsPerVillage",
                      align: "right" as const,
                      render: (v: number) => formatDecimal(v),
                    },
                    {
                      title: "违规占比",
                      dataIndex: "violationRate",
                      align: "right" as const,
                      render: (v: number) => `${formatDecimal(v * 100)}%`,
                    },
                    {
                      title: "",
                      key: "detail",
                      render: (_: unknown, r: (typeof o.children)[number]) => (
                        <Link href={`/regions/${r.code}?period=${o.period}`}>地区详情</Link>
                      ),
                    },
                  ]),
            ]}
          />
        </Card>
      )}
    </PageStack>
  );
}
