"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import { explainStanding, rankStatement } from "@/server/domain/explain";
import { BAND_NAMES } from "../../_components/charts";
import { Explain } from "../../_components/Explain";
import { formatDecimal } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import type { BurdenKind } from "@/server/domain/burdenKinds";

interface Standing {
  name: string;
  score: number;
  previousScore: number;
  rank: number | null;
  band: number;
  interval: { median: number; p5: number; p95: number } | null;
  breakdown: { kind: BurdenKind; contribution: number }[];
  previousBreakdown: { kind: BurdenKind; contribution: number }[];
}

/** The signed-in region among its peers, and why: the kinds and departments that drive its score. */
export function MyPosition({
  mine,
  peers,
  n,
  period,
  regionCode,
  showDepartments,
}: {
  mine: Standing;
  peers: Standing[];
  n: number;
  period: number;
  regionCode: string;
  showDepartments: boolean;
}) {
  const trpc = useTRPC();
  const departments = useQuery({
    ...trpc.ranking.departments.queryOptions({ regionCode, periodFrom: period, periodTo: period }),
    enabled: showDepartments && Boolean(regionCode),
  });
  const why = explainStanding({
    score: mine.score,
    previousScore: mine.previousScore,
    breakdown: mine.breakdown,
    previousBreakdown: mine.previousBreakdown,
    peers: peers.map((p) => p.breakdown),
  });
  const top = (departments.data ?? []).filter((d) => d.hours > 0).slice(0, 3);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="my-position"
      title={
        <span>
          {mine.name}：负担得分 {formatDecimal(mine.score)}，{BAND_NAMES[mine.band]}
          {mine.rank !== null && `，在 ${n} 个同级单位中${rankStatement(mine.rank, mine.interval, n)}（第1位负担最轻）`}
          <Explain terms={["score", "band", "rank-range"]} />
        </span>
      }
      description={
        <div data-testid="my-position-why">
          {why.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {top.length > 0 && (
            <div>
              本辖区负担工时最多的部门：{top.map((d) => `${d.name}（${formatDecimal(d.hours)} 小时）`).join("、")}。
            </div>
          )}
        </div>
      }
    />
  );
}
