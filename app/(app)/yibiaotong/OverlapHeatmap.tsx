"use client";

import { Empty, Typography } from "antd";
import { Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartBox } from "../../_components/ChartBox";
import type { CountyView } from "./types";

const CELL = 16;

/** White → deep red as the weighted overlap rises; pairs below 30 % stay blank. */
function colour(score: number): string {
  const t = Math.max(0, Math.min(1, score));
  const r = 255 - Math.round(t * 57);
  const g = 240 - Math.round(t * 200);
  const b = 230 - Math.round(t * 190);
  return `rgb(${r},${g},${b})`;
}

interface Cell {
  x: number;
  y: number;
  score: number;
  a: string;
  b: string;
  shared: string[];
}

/** The overlap matrix of a county's forms, forms of one cluster side by side. */
export function OverlapHeatmap({ view }: { view: CountyView }) {
  const inCluster = new Map<string, number>();
  view.clusters.forEach((c, i) => {
    for (const m of c.members) inCluster.set(m.key, i);
  });
  const forms = [...view.forms].sort(
    (x, y) => (inCluster.get(x.key) ?? 999) - (inCluster.get(y.key) ?? 999) || x.title.localeCompare(y.title, "zh-CN"),
  );
  const index = new Map(forms.map((f, i) => [f.key, i]));
  const cells: Cell[] = [];
  for (const p of view.pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined) continue;
    const a = forms[i]!.title;
    const b = forms[j]!.title;
    cells.push(
      { x: i, y: j, score: p.score, a, b, shared: p.shared },
      { x: j, y: i, score: p.score, a: b, b: a, shared: p.shared },
    );
  }
  if (!forms.length) return <Empty description="本县表格尚未登记字段" />;
  const n = forms.length;
  const size = n * CELL;
  // Both axes count the same forms, numbered from 1, one tick a cell.
  const formAxis = {
    type: "number" as const,
    domain: [-0.5, n - 0.5],
    ticks: forms.map((_, i) => i),
    tickFormatter: (i: number) => String(i + 1),
    interval: 0,
    tick: { fontSize: 9 },
  };
  return (
    <div data-testid="overlap-heatmap">
      <div style={{ width: "100%", overflowX: "auto" }}>
        <ChartBox width={size + 60} height={size + 50}>
          <ScatterChart margin={{ top: 10, right: 10, bottom: 10, left: 10 }}>
            <XAxis dataKey="x" height={20} {...formAxis} />
            <YAxis dataKey="y" width={26} reversed {...formAxis} />
            <Tooltip
              cursor={false}
              content={({ payload }) => {
                const c = payload?.[0]?.payload as Cell | undefined;
                if (!c) return null;
                return (
                  <div style={{ background: "#fff", border: "1px solid #ddd", padding: 8, maxWidth: 360 }}>
                    <div>
                      《{c.a}》×《{c.b}》
                    </div>
                    <div>加权重合 {Math.round(c.score * 100)}%</div>
                    <div style={{ color: "#666" }}>共同数据项：{c.shared.join("、")}</div>
                  </div>
                );
              }}
            />
            <Scatter
              data={cells}
              isAnimationActive={false}
              shape={(props: unknown) => {
                const { cx, cy, payload } = props as { cx: number; cy: number; payload: Cell };
                return (
                  <rect
                    x={cx - CELL / 2}
                    y={cy - CELL / 2}
                    width={CELL - 1}
                    height={CELL - 1}
                    fill={colour(payload.score)}
                    stroke={payload.score >= 0.5 ? "#8b0000" : "none"}
                    strokeWidth={payload.score >= 0.5 ? 1 : 0}
                  />
                );
              }}
            />
          </ScatterChart>
        </ChartBox>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        颜色越深表示两张表问的数据越相同（加权重合度：少见数据项权重高，姓名、电话等身份项权重低）；深红边框为重合度
        ≥50% 的表对。编号：
        {forms.map((f, i) => `${i + 1}.${f.title}`).join("　")}
      </Typography.Paragraph>
    </div>
  );
}
