/** The 5–95 % rank interval as a bar on a 1…n scale, with the median marked. */
export function RankInterval({ interval, n }: { interval: { median: number; p5: number; p95: number } | null; n: number }) {
  if (!interval || n < 2) return <span>—</span>;
  const width = 140;
  const x = (rank: number) => 6 + ((rank - 1) / (n - 1)) * (width - 12);
  return (
    <span title={`名次中位数 ${interval.median}，90%区间 ${interval.p5}–${interval.p95}`} style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
      <svg width={width} height={14} role="img" aria-label={`名次区间 ${interval.p5}–${interval.p95}`}>
        <line x1={6} x2={width - 6} y1={7} y2={7} stroke="#e0e0e0" strokeWidth={2} />
        <line x1={x(interval.p5)} x2={x(interval.p95)} y1={7} y2={7} stroke="#b71c1c" strokeWidth={6} strokeLinecap="round" opacity={0.45} />
        <circle cx={x(interval.median)} cy={7} r={4} fill="#b71c1c" />
      </svg>
      <span style={{ fontSize: 12, color: "#666" }}>{interval.p5 === interval.p95 ? interval.p5 : `${interval.p5}–${interval.p95}`}</span>
    </span>
  );
}
