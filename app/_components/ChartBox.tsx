"use client";

import type { ReactElement } from "react";
import { Bar, Legend, ResponsiveContainer } from "recharts";
import { KIND_SERIES } from "./charts";

/** A chart filling a box of the given size: recharts measures its parent, and a box without a height draws nothing. */
export function ChartBox({
  height,
  width,
  children,
  "data-testid": testId,
}: {
  height: number;
  width?: number | string;
  children: ReactElement;
  "data-testid"?: string;
}) {
  return (
    <div style={{ width, height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/**
 * The legend and one stacked bar per burden kind, in the kinds' colours. A function, not a component:
 * recharts finds its bars among the chart's direct children.
 */
export function kindStackedBars() {
  return [
    <Legend key="legend" wrapperStyle={{ fontSize: 11 }} />,
    ...KIND_SERIES.map((s) => <Bar key={s.kind} dataKey={s.kind} name={s.name} stackId="k" fill={s.color} />),
  ];
}
