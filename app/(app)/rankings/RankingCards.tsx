"use client";

import { Button, List, Progress, Tag, Typography } from "antd";
import Link from "next/link";
import { useState } from "react";
import { BAND_COLORS, BAND_NAMES } from "../../_components/charts";
import { formatDecimal } from "../../_components/format";
import { RankChange } from "./RankChange";
import { RankInterval } from "./RankInterval";
import { SpreadRow } from "../../_components/SpreadRow";

interface Peer {
  code: string;
  name: string;
  score: number;
  band: number;
  rank: number | null;
  previousRank: number | null;
  interval: { median: number; p5: number; p95: number } | null;
  hoursPerVillage: number;
  violationRate: number;
}

/**
 * The ranking on a phone: one card per unit with what a leader reads between meetings
 * (rank and its range as one statement, name, score, band); the rest one tap away.
 */
export function RankingCards({
  peers,
  ranked,
  focus,
  period,
  linkable,
}: {
  peers: Peer[];
  ranked: boolean;
  focus: string | undefined;
  period: number;
  linkable: (code: string) => boolean;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  const n = peers.length;
  return (
    <List
      data-testid="ranking-cards"
      dataSource={peers}
      split={false}
      renderItem={(p) => {
        const expanded = open.has(p.code);
        return (
          <List.Item
            style={{
              display: "block",
              padding: "8px 10px",
              marginBottom: 6,
              border: "1px solid #f0f0f0",
              borderRadius: 6,
              background: p.code === focus ? "#fdecea" : undefined,
            }}
            data-testid="ranking-card"
            data-region-code={p.code}
          >
            <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: 8 }}>
              <Typography.Text strong style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                {linkable(p.code) ? <Link href={`/regions/${p.code}?period=${period}`}>{p.name}</Link> : p.name}
              </Typography.Text>
              <Typography.Text strong style={{ fontSize: 18, whiteSpace: "nowrap" }} aria-label="负担得分">
                {formatDecimal(p.score)}
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                  {" "}
                  分
                </Typography.Text>
              </Typography.Text>
            </div>
            <SpreadRow marginTop={2}>
              {ranked ? <RankInterval rank={p.rank} interval={p.interval} n={n} compact /> : <span />}
              <Tag color={BAND_COLORS[p.band]} style={{ marginInlineEnd: 0 }}>
                {BAND_NAMES[p.band]}
              </Tag>
            </SpreadRow>
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: "auto", marginTop: 2 }}
              aria-expanded={expanded}
              onClick={() => toggle(p.code)}
              data-testid="ranking-card-toggle"
            >
              {expanded ? "收起" : "详情"}
            </Button>
            {expanded && (
              <dl
                style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 12px", margin: "4px 0 0" }}
                data-testid="ranking-card-details"
              >
                <dt>得分</dt>
                <dd style={{ margin: 0 }}>
                  <Progress
                    aria-label={`${p.name}负担得分 ${formatDecimal(p.score)}（满分100）`}
                    percent={Number(p.score.toFixed(1))}
                    size="small"
                    strokeColor="#b71c1c"
                    format={(x) => formatDecimal(Number(x))}
                  />
                </dd>
                {ranked && (
                  <>
                    <dt>名次较上月</dt>
                    <dd style={{ margin: 0 }}>
                      <RankChange rank={p.rank} previous={p.previousRank} />
                    </dd>
                  </>
                )}
                <dt>村均工时</dt>
                <dd style={{ margin: 0 }}>{formatDecimal(p.hoursPerVillage)} 小时</dd>
                <dt>违规占比</dt>
                <dd style={{ margin: 0 }}>{formatDecimal(p.violationRate * 100)}%</dd>
              </dl>
            )}
          </List.Item>
        );
      }}
    />
  );
}
