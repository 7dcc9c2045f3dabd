"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Progress, Result, Select, Space, Tag, Typography } from "antd";
import Link from "next/link";
import { useState } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { BURDEN_KINDS, BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { parentCodeOf } from "@/server/domain/regions";
import { BAND_COLORS, BAND_NAMES } from "../../_components/charts";
import { trpcErrorCode } from "../../_components/errors";
import { formatDecimal, formatPeriod } from "../../_components/format";
import { ChartBox } from "../../_components/ChartBox";
import { ScopeBar, ScopePending } from "../../_components/ScopeBar";
import { useScope } from "../../_components/useScope";
import { useTRPC } from "../../_trpc/client";
import { can } from "../../_components/can";
import { Explain } from "../../_components/Explain";
import { useIsPhone } from "../../_components/useIsPhone";
import { MyPosition } from "./MyPosition";
import { RankChange } from "./RankChange";
import { RankingCards } from "./RankingCards";
import { RankInterval } from "./RankInterval";
import { percent } from "../rectification/labels";
import { ScoreSettingsDrawer } from "./ScoreSettingsDrawer";
import { QueryTable, RowsTable } from "../../_components/QueryTable";
import { PageStack } from "../../_components/PageStack";

export function RankingsView() {
  const trpc = useTRPC();
  const { me, period, setRegion, setPeriod, params, set } = useScope();
  // A county leader lands on their county among its peers.
  const parent =
    params.get("region") ??
    (me && me.role === "county_leader" ? (parentCodeOf(me.regionCode) ?? me.regionCode) : me?.regionCode);
  const focus = me?.regionCode;
  const funnelKind = (params.get("funnel") ?? "FORM") as BurdenKind | "ALL";
  const ranking = useQuery({
    ...trpc.ranking.peers.queryOptions({ parentCode: parent ?? "", period, funnelKind }),
    enabled: Boolean(parent),
    placeholderData: (p) => p,
  });
  const canLeague = Boolean(parent && me && parent.startsWith(me.regionCode));
  const league = useQuery({
    ...trpc.ranking.departments.queryOptions({
      regionCode: parent ?? "",
      periodFrom: ranking.data?.period,
      periodTo: ranking.data?.period,
    }),
    enabled: Boolean(parent && ranking.data && canLeague),
  });
  const rectification = useQuery({
    ...trpc.rectification.stats.queryOptions({ regionCode: parent ?? "" }),
    enabled: canLeague,
  });
  const ratesOf = new Map((rectification.data?.departments ?? []).map((d) => [d.key, d]));
  const r = ranking.data;
  const [editingSettings, setEditingSettings] = useState(false);
  const phone = useIsPhone();
  const scopeBar = (
    <ScopeBar
      region={parent}
      period={r?.period ?? period}
      onRegion={setRegion}
      onPeriod={setPeriod}
      periodRegion={me?.regionCode}
      outsideLabel={
        parent && me && !parent.startsWith(me.regionCode) ? (
          <Space>
            <Tag color="blue">本级在上级中的排名</Tag>
            <Button size="small" onClick={() => setRegion(me.regionCode)}>
              查看本辖区下级排名
            </Button>
          </Space>
        ) : undefined
      }
      extra={
        r && (
          <Space>
            <Button href={`/api/rankings/export?parentCode=${parent}&period=${r.period}`} data-testid="export-ranking">
              导出 Excel
            </Button>
            {canLeague && can(me, "scoreSettings.save") && (
              <Button onClick={() => setEditingSettings(true)} data-testid="score-settings">
                评分设置
              </Button>
            )}
          </Space>
        )
      }
    />
  );
  if (ranking.error) {
    const failure = (
      <Card>
        <Result
          status={trpcErrorCode(ranking.error) === "FORBIDDEN" ? "403" : "error"}
          title="无法加载"
          subTitle={ranking.error.message}
        />
      </Card>
    );
    return <ScopePending scopeBar={scopeBar} failure={failure} />;
  }
  if (!r) return <ScopePending scopeBar={scopeBar} />;
  const mine = r.peers.find((p) => p.code === focus);
  const n = r.peers.length;

  return (
    <PageStack>
      {scopeBar}
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="ranking-title">
        {r.parent.name}下级单位减负排名 · {formatPeriod(r.period)}
      </Typography.Title>
      {mine && (
        <MyPosition
          mine={mine}
          peers={r.peers}
          n={n}
          period={r.period}
          showDepartments={me?.role === "county_leader"}
          regionCode={focus ?? ""}
        />
      )}
      <Card
        title={
          <span style={{ whiteSpace: "normal" }}>
            负担得分（0–100，越高负担越重；目标值冻结于 {formatPeriod(r.settings.baselinePeriod)}）
          </span>
        }
        extra={<Explain terms={["score", "goalpost", "band", "rank-range"]} />}
        data-testid="ranking-score-card"
      >
        {phone ? (
          <RankingCards
            peers={r.peers}
            ranked={r.ranked}
            focus={focus}
            period={r.period}
            linkable={(code) => code.startsWith(me?.regionCode ?? "-")}
          />
        ) : (
          <RowsTable
            rowKey="code"
            dataSource={r.peers}
            data-testid="ranking-table"
            rowClassName={(p) => (p.code === focus ? "ant-table-row-selected" : "")}
            columns={[
              ...(r.ranked
                ? [
                    {
                      title: "名次（可能范围）",
                      key: "rank",
                      render: (_: unknown, p: (typeof r.peers)[number]) => (
                        <RankInterval rank={p.rank} interval={p.interval} n={n} />
                      ),
                    },
                  ]
                : []),
              {
                title: "单位",
                dataIndex: "name",
                render: (name: string, p) =>
                  p.code.startsWith(me?.regionCode ?? "-") ? (
                    <Link href={`/regions/${p.code}?period=${r.period}`}>{name}</Link>
                  ) : (
                    name
                  ),
              },
              {
                title: "负担得分",
                dataIndex: "score",
                width: 200,
                render: (v: number, p: (typeof r.peers)[number]) => (
                  <Progress
                    aria-label={`${p.name}负担得分 ${formatDecimal(v)}（满分100）`}
                    percent={Number(v.toFixed(1))}
                    size="small"
                    strokeColor="#b71c1c"
                    format={(x) => formatDecimal(Number(x))}
                  />
                ),
              },
              ...(r.ranked
                ? [
                    {
                      title: "名次较上月",
                      key: "change",
                      render: (_: unknown, p: (typeof r.peers)[number]) => (
                        <RankChange rank={p.rank} previous={p.previousRank} />
                      ),
                    },
                  ]
                : []),
              {
                title: "分档",
                dataIndex: "band",
                render: (b: number) => <Tag color={BAND_COLORS[b]}>{BAND_NAMES[b]}</Tag>,
              },
              {
                title: "村均工时",
                dataIndex: "hoursPerVillage",
                align: "right" as const,
                render: (v: number) => `${formatDecimal(v)} 小时`,
              },
              {
                title: "违规占比",
                dataIndex: "violationRate",
                align: "right" as const,
                render: (v: number) => `${formatDecimal(v * 100)}%`,
              },
            ]}
          />
        )}
        {!r.ranked && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            村（社区）不逐一排名，仅显示分档。
          </Typography.Paragraph>
        )}
      </Card>
      <Card
        title={<span style={{ whiteSpace: "normal" }}>漏斗图：村均数量与村级单位数（95% 与 99.8% 控制限）</span>}
        extra={
          <Select
            style={{ width: phone ? 120 : 200 }}
            aria-label="漏斗图类别"
            value={funnelKind}
            onChange={(v) => set({ funnel: v })}
            options={[
              { value: "ALL", label: "全部类别" },
              ...BURDEN_KINDS.map((k) => ({ value: k, label: BURDEN_KIND_NAMES[k] })),
            ]}
          />
        }
      >
        {r.funnel.points.length < 2 ? (
          <Empty
            data-testid="funnel-empty"
            description={`漏斗图需要至少两个有村级单位数据的下级单位，${r.parent.name}目前只有 ${r.funnel.points.length} 个（其余下级尚未导入村级区划或没有记录）。`}
          />
        ) : (
          <ChartBox height={360} data-testid="funnel-chart">
            <ComposedChart data={r.funnel.limits} margin={{ top: 10, right: 20, bottom: 20, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="villages"
                name="村级单位数"
                // The limits are computed up to a round axis end: the lines span the whole axis.
                domain={[0, r.funnel.limits.at(-1)?.villages ?? "auto"]}
                tickFormatter={(v) => formatDecimal(Number(v))}
                label={{ value: "村级单位数（个）", position: "insideBottom", offset: -10 }}
              />
              <YAxis
                type="number"
                tickFormatter={(v) => formatDecimal(Number(v))}
                label={{ value: "村均数量（项/村）", angle: -90, position: "insideLeft" }}
              />
              {/* A point's tooltip names its unit; a limit line's names the limit. */}
              <Tooltip
                formatter={(v, name, item) => [
                  formatDecimal(Number(v)),
                  (item?.payload as { name?: string } | undefined)?.name ?? name,
                ]}
              />
              <Legend verticalAlign="top" />
              <Line dataKey="upper998" name="99.8% 上限" stroke="#c62828" dot={false} strokeDasharray="6 3" />
              <Line dataKey="upper95" name="95% 上限" stroke="#ef6c00" dot={false} strokeDasharray="3 3" />
              <Line
                dataKey="lower95"
                name="95% 下限"
                stroke="#ef6c00"
                dot={false}
                strokeDasharray="3 3"
                legendType="none"
              />
              <Line
                dataKey="lower998"
                name="99.8% 下限"
                stroke="#c62828"
                dot={false}
                strokeDasharray="6 3"
                legendType="none"
              />
              <Scatter
                data={r.funnel.points.map((p) => ({ villages: p.villages, rate: p.rate, name: p.name }))}
                dataKey="rate"
                name="各单位"
                fill="#1565c0"
              />
            </ComposedChart>
          </ChartBox>
        )}
        <Typography.Paragraph type="secondary">
          {r.funnel.method}
          <br />
          均值 {formatDecimal(r.funnel.target)}；超出 99.8% 上限的单位：
          {r.funnel.points
            .filter((p) => p.outside === "above99")
            .map((p) => p.name)
            .join("、") || "无"}
        </Typography.Paragraph>
      </Card>
      {editingSettings && parent && (
        <ScoreSettingsDrawer regionCode={parent} regionName={r.parent.name} onClose={() => setEditingSettings(false)} />
      )}
      {canLeague && (
        <Card title="部门负担排行">
          <QueryTable
            query={league}
            rowKey="departmentId"
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            data-testid="department-league"
            scroll={phone ? { x: "max-content" } : undefined}
            columns={[
              { title: "部门", dataIndex: "name" },
              {
                title: "负担工时（小时）",
                dataIndex: "hours",
                align: "right",
                sorter: (a, b) => a.hours - b.hours,
                defaultSortOrder: "descend",
                render: (v: number) => formatDecimal(v),
              },
              { title: "覆盖村级单位", dataIndex: "villagesReached", align: "right" },
              {
                title: "每村工时",
                dataIndex: "hoursPerVillageReached",
                align: "right",
                sorter: (a, b) => a.hoursPerVillageReached - b.hoursPerVillageReached,
                render: (v: number) => formatDecimal(v),
              },
              {
                title: "违规村次",
                dataIndex: "violationUnits",
                align: "right",
                sorter: (a, b) => a.violationUnits - b.violationUnits,
              },
              {
                title: "违规占比",
                dataIndex: "violationRate",
                align: "right",
                render: (v: number) => `${formatDecimal(v * 100)}%`,
              },
              {
                title: "整改率",
                key: "rectificationRate",
                align: "right",
                render: (_, d) => percent(ratesOf.get(d.departmentId)?.rectificationRate),
              },
              {
                title: "按期整改率",
                key: "onTimeRate",
                align: "right",
                render: (_, d) => percent(ratesOf.get(d.departmentId)?.onTimeRate),
              },
            ]}
          />
        </Card>
      )}
    </PageStack>
  );
}
