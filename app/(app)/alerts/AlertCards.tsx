"use client";

import { Card, Empty, List, Space, Tag, Typography } from "antd";
import { episodeSpan } from "@/server/domain/periods";
import { formatDateTime } from "../../_components/format";
import { AlertActions } from "./AlertActions";
import { HumanStateTags, SEVERITY_COLORS, STATE_COLORS } from "./alertTags";
import type { AlertView } from "./useLiveAlerts";
import { SpreadRow } from "../../_components/SpreadRow";

/** The inbox on a phone: one card per alert, the actions inside the card, the detail a tap away. */
export function AlertCards({
  alerts,
  loading,
  onOpen,
}: {
  alerts: AlertView[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  if (!loading && alerts.length === 0) return <Empty description="暂无符合条件的预警" />;
  return (
    <List
      data-testid="alert-cards"
      loading={loading}
      dataSource={alerts}
      pagination={alerts.length > 20 ? { pageSize: 20, size: "small", simple: true } : false}
      split={false}
      renderItem={(a) => (
        <List.Item style={{ padding: "6px 0" }}>
          <Card
            size="small"
            style={{ width: "100%" }}
            data-alert-id={a.id}
            data-testid="alert-card"
            styles={{ body: { padding: 12 } }}
          >
            <Space size={4} wrap style={{ marginBottom: 4 }}>
              <Tag color={SEVERITY_COLORS[a.severity]}>{a.severityName}</Tag>
              <Tag color={STATE_COLORS[a.state]}>{a.stateName}</Tag>
              <Typography.Text strong>{a.regionName}</Typography.Text>
              <Typography.Text type="secondary" data-testid="alert-card-months">
                {episodeSpan(a.period, a.lastPeriod)}
              </Typography.Text>
            </Space>
            <a
              href={`#alert-${a.id}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen(a.id);
              }}
              style={{ display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
              data-testid="open-alert"
            >
              {a.summary}
            </a>
            <SpreadRow marginTop={6}>
              <Space size={4} wrap>
                <HumanStateTags alert={a} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                更新于 {formatDateTime(a.updatedAt)}
              </Typography.Text>
            </SpreadRow>
            <div style={{ borderTop: "1px solid #f0f0f0", marginTop: 8, paddingTop: 4 }}>
              <AlertActions alert={a} regionCode={a.regionCode} />
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
