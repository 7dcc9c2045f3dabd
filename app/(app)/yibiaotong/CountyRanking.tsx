"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatDecimal, formatNumber } from "../../_components/format";
import { ChartBox } from "../../_components/ChartBox";
import type { RankingRow } from "./types";
import { RowsTable } from "../../_components/QueryTable";

/** Repeated-entry hours of the counties of a region, heaviest per village first. */
export function CountyRanking({ rows, onOpen }: { rows: RankingRow[]; onOpen: (code: string) => void }) {
  return (
    <>
      <ChartBox width="100%" height={Math.max(160, rows.length * 28 + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 20, right: 30 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => formatDecimal(v)} />
          <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${formatDecimal(Number(v))} 小时`, "每村重复填写工时"]} />
          <Bar dataKey="hoursPerVillage" fill="#c62828" isAnimationActive={false} />
        </BarChart>
      </ChartBox>
      <RowsTable
        rowKey="code"
        dataSource={rows}
        data-testid="repeat-ranking"
        onRow={(r) => ({ onClick: () => onOpen(r.code), style: { cursor: "pointer" } })}
        columns={[
          { title: "排名", dataIndex: "rank", width: 60 },
          { title: "县（市、区）", dataIndex: "name" },
          { title: "村（社区）", dataIndex: "villages", render: formatNumber },
          { title: "比对表格", dataIndex: "forms" },
          { title: "重复填写字段（村·次/年）", dataIndex: "repeatedEntries", render: formatNumber },
          {
            title: "重复填写工时（小时/年）",
            dataIndex: "repeatedHours",
            render: (v: number) => formatDecimal(Math.round(v)),
          },
          { title: "每村工时", dataIndex: "hoursPerVillage", render: (v: number) => formatDecimal(v) },
          { title: "可合并表格组", dataIndex: "clusters" },
          {
            title: "合并可节省（小时/年）",
            dataIndex: "savedHours",
            render: (v: number) => formatDecimal(Math.round(v)),
          },
        ]}
      />
    </>
  );
}
