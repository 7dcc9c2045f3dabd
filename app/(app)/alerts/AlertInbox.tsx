"use client";

import { Badge, Button, Card, Result, Select, Space, Table, Tag, Typography, App } from "antd";
import { useEffect, useMemo, useState } from "react";
import { formatDateTime, formatPeriod } from "../../_components/format";
import { RegionPicker } from "../../_components/RegionPicker";
import { useUnseenAlerts } from "../../_components/RealtimeProvider";
import { useMe } from "../../_components/useMe";
import { ActiveSilences } from "./ActiveSilences";
import { AlertActions } from "./AlertActions";
import { AlertDetailDrawer } from "./AlertDetailDrawer";
import { beep } from "./beep";
import { useLiveAlerts, type AlertView } from "./useLiveAlerts";

const SEVERITY_COLORS: Record<string, string> = { CRITICAL: "red", WARNING: "orange", INFO: "blue" };
const STATE_COLORS: Record<string, string> = { FIRING: "red", PENDING: "gold", RESOLVED: "green" };
const RULE_TYPES = [
  { value: "VIOLATION", label: "违规即报" },
  { value: "LEVEL", label: "水平阈值" },
  { value: "STAT", label: "统计异常" },
  { value: "PEER", label: "同级离群" },
];

export function AlertInbox() {
  const me = useMe();
  const { notification } = App.useApp();
  const { markSeen } = useUnseenAlerts();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const region = regionCode ?? me?.regionCode;
  const [states, setStates] = useState<string[]>(["FIRING", "PENDING"]);
  const [severity, setSeverity] = useState<string | undefined>();
  const [ruleType, setRuleType] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [desktop, setDesktop] = useState(typeof Notification !== "undefined" && Notification.permission === "granted");

  useEffect(() => markSeen(), [markSeen]);

  const live = useLiveAlerts(region, (alert, type) => {
    markSeen();
    beep();
    const title = type === "ESCALATED" ? "预警已升级" : type === "REOPENED" ? "预警重新打开" : type === "NEW_VIOLATION" ? "新增违规" : "新预警";
    notification.warning({ title, description: alert.summary, placement: "topRight", duration: 6 });
    if (desktop) new Notification(`减负监测 · ${title}`, { body: alert.summary });
  });

  const rows = useMemo(
    () =>
      live.alerts
        .filter((a) => states.length === 0 || states.includes(a.state))
        .filter((a) => !severity || a.severity === severity)
        .filter((a) => !ruleType || a.ruleKey.startsWith(ruleType))
        .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime()),
    [live.alerts, states, severity, ruleType],
  );

  if (live.error) return <Card><Result status="error" title="无法加载预警" subTitle={live.error.message} /></Card>;
  const firing = live.alerts.filter((a) => a.state === "FIRING" && !a.acknowledged).length;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap>
          <RegionPicker value={region} onChange={setRegionCode} />
          <Select mode="multiple" style={{ minWidth: 220 }} value={states} onChange={setStates} placeholder="状态" options={[{ value: "FIRING", label: "告警中" }, { value: "PENDING", label: "待确认" }, { value: "RESOLVED", label: "已恢复" }]} />
          <Select allowClear style={{ width: 120 }} value={severity} onChange={setSeverity} placeholder="级别" options={[{ value: "CRITICAL", label: "严重" }, { value: "WARNING", label: "警告" }, { value: "INFO", label: "提示" }]} />
          <Select allowClear style={{ width: 140 }} value={ruleType} onChange={setRuleType} placeholder="规则类型" options={RULE_TYPES} />
          {typeof Notification !== "undefined" && !desktop && (
            <Button onClick={() => void Notification.requestPermission().then((p) => setDesktop(p === "granted"))}>开启桌面通知</Button>
          )}
        </Space>
      </Card>
      <Card title={<Space>预警收件箱 <Badge count={firing} overflowCount={999} /><Typography.Text type="secondary" style={{ fontWeight: "normal" }}>实时更新，无需刷新</Typography.Text></Space>}>
        <Table<AlertView>
          size="small"
          rowKey="id"
          loading={live.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="alert-inbox"
          onRow={(a) => ({ "data-alert-id": a.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: "级别", dataIndex: "severity", width: 70, render: (s: string, a) => <Tag color={SEVERITY_COLORS[s]}>{a.severityName}</Tag> },
            { title: "预警", dataIndex: "summary", render: (summary: string, a) => (
                <a href={`#alert-${a.id}`} onClick={(e) => { e.preventDefault(); setOpenId(a.id); }}>
                  {summary}
                </a>
              ) },
            { title: "月份", dataIndex: "period", width: 120, render: (p: number, a: { lastPeriod: number }) => (a.lastPeriod !== p ? `${formatPeriod(p)}起至${formatPeriod(a.lastPeriod)}` : formatPeriod(p)) },
            { title: "状态", dataIndex: "state", width: 90, render: (s: string, a) => <Tag color={STATE_COLORS[s]}>{a.stateName}</Tag> },
            {
              title: "处置",
              key: "human",
              width: 170,
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.acknowledged ? <Tag color="green">已签收</Tag> : a.ackedAt ? <Tag color="volcano">签收已失效</Tag> : <Tag>未签收</Tag>}
                  {a.escalationLevel > 0 && <Tag color="magenta">已升级</Tag>}
                  {a.resolvedByHandAt && <Tag color="cyan">已人工处置</Tag>}
                  {a.silenced && <Tag>已静默</Tag>}
                </Space>
              ),
            },
            { title: "更新时间", dataIndex: "updatedAt", width: 160, render: (d: Date) => formatDateTime(d) },
            { title: "操作", key: "actions", width: 230, render: (_, a) => <AlertActions alert={a} regionCode={a.regionCode} /> },
          ]}
        />
      </Card>
      {region && <ActiveSilences regionCode={region} />}
      {openId && <AlertDetailDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Space>
  );
}
