import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from "@ant-design/icons";

export function RankChange({ rank, previous }: { rank: number | null; previous: number | null }) {
  if (rank === null || previous === null) return <span>—</span>;
  const d = previous - rank;
  // #595959 on white is 7:1; the former #999 (2.8:1) failed axe's contrast check when a unit held its rank.
  if (d === 0)
    return (
      <span style={{ color: "#595959" }}>
        <MinusOutlined /> 持平
      </span>
    );
  // Moving towards rank 1 means a lighter burden relative to peers.
  return d > 0 ? (
    <span style={{ color: "#2e7d32" }}>
      <ArrowUpOutlined /> 上升{d}位
    </span>
  ) : (
    <span style={{ color: "#c62828" }}>
      <ArrowDownOutlined /> 下降{-d}位
    </span>
  );
}
