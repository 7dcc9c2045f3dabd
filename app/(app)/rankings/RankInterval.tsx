import { rankStatement } from "@/server/domain/explain";

/** Rank and its 5–95 % range as one statement, with a bar on the 1…n scale; the range always contains the rank. */
export function RankInterval({
  rank,
  interval,
  n,
  compact = false,
}: {
  rank: number | null;
  interval: { median: number; p5: number; p95: number } | null;
  n: number;
  compact?: boolean;
}) {
  const statement = rankStatement(rank, interval, n);
  if (rank === null || !interval || n < 2 || compact) return <span>{statement}</span>;
  const low = Math.min(interval.p5, rank);
  const high = Math.max(interval.p95, rank);
  const width = 120;
  const x = (r: number) => 6 + ((r - 1) / (n - 1)) * (width - 12);
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 8, whiteSpace: "nowrap" }}>
      <span>{statement}</span>
      <svg width={width} height={14} aria-hidden="true">
        <line x1={6} x2={width - 6} y1={7} y2={7} stroke="#e0e0e0" strokeWidth={2} />
        <line
          x1={x(low)}
          x2={x(high)}
          y1={7}
          y2={7}
          stroke="#b71c1c"
          strokeWidth={6}
          strokeLinecap="round"
          opacity={0.45}
        />
        <circle cx={x(rank)} cy={7} r={4} fill="#b71c1c" />
      </svg>
    </span>
  );
}
