"use client";

import { Badge, Button, Card, Result, Space, Table, Tag, Typography, App } from "antd";
import { useEffect, useMemo, useState } from "react";
import { MACHINE_STATE_NAMES, type RuleType, SEVERITY_NAMES } from "@/server/domain/alerts";
import { RULE_TYPE_OPTIONS } from "../channels/labels";
import { optionsOf } from "../../_components/options";
import { formatDateTime, formatPeriod } from "../../_components/format";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { FilterSelect } from "../../_components/FilterSelect";
import { useUnseenAlerts } from "../../_components/RealtimeProvider";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { ActiveSilences } from "./ActiveSilences";
import { useIsPhone } from "../../_components/useIsPhone";
import { AlertActions } from "./AlertActions";
import { AlertCards } from "./AlertCards";
import { HumanStateTags, SEVERITY_COLORS, STATE_COLORS } from "./alertTags";
import { AlertDetailDrawer } from "./AlertDetailDrawer";
import { beep } from "./beep";
import { useLiveAlerts, type AlertView } from "./useLiveAlerts";

// Most urgent first: what an inspector scans for.
const STATE_OPTIONS = optionsOf(MACHINE_STATE_NAMES, ["FIRING", "PENDING", "RESOLVED"]);
const SEVERITY_FILTER_OPTIONS = optionsOf(SEVERITY_NAMES, ["CRITICAL", "WARNING", "INFO"]);

export function AlertInbox() {
  const { region, setRegionCode } = useRegionChoice();
  const { notification } = App.useApp();
  const { markSeen } = useUnseenAlerts();
  const [states, setStates] = useState<string[]>(["FIRING", "PENDING"]);
  const [severity, setSeverity] = useState<string | undefined>();
  const [ruleType, setRuleType] = useState<RuleType | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  // Read after mount: the server has no Notification, and reading it during render broke hydration (#418).
  const [notifications, setNotifications] = useState<"unsupported" | NotificationPermission>("unsupported");
  const desktop = notifications === "granted";
  useEffect(() => setNotifications(typeof Notification === "undefined" ? "unsupported" : Notification.permission), []);
  const phone = useIsPhone();

  useEffect(() => markSeen(), [markSeen]);

  const live = useLiveAlerts(region, (alert, type) => {
    markSeen();
    beep();
    const title =
      type === "ESCALATED"
        ? "预警已升级"
        : type === "REOPENED"
          ? "预警重新打开"
          : type === "NEW_VIOLATION"
            ? "新增违规"
            : "新预警";
    notification.warning({ title, description: alert.summary, placement: "topRight", duration: 6 });
    if (desktop) new Notification(`减负监测 · ${title}`, { body: alert.summary });
  });

  const rows = useMemo(
    () =>
      live.alerts
        .filter((a) => states.length === 0 || states.includes(a.state))
        .filter((a) => !severity || a.severity === severity)
        .filter((a) => !ruleType || a.ruleType === ruleType)
        .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime()),
    [live.alerts, states, severity, ruleType],
  );

  if (live.error)
    return (
      <Card>
        <Result status="error" title="无法加载预警" subTitle={live.error.message} />
      </Card>
    );
  const firing = live.alerts.filter((a) => a.state === "FIRING" && !a.acknowledged).length;

  return (
    <PageStack>
      <FilterBar region={region} onRegionChange={setRegionCode}>
        <FilterSelect
          label="状态"
          mode="multiple"
          allowClear={false}
          style={{ minWidth: 220 }}
          value={states}
          onChange={setStates}
          options={STATE_OPTIONS}
        />
        <FilterSelect
          label="级别"
          width={120}
          value={severity}
          onChange={setSeverity}
          options={SEVERITY_FILTER_OPTIONS}
        />
        <FilterSelect
          label="规则类型"
          width={140}
          value={ruleType}
          onChange={setRuleType}
          options={RULE_TYPE_OPTIONS}
        />
        {notifications !== "unsupported" && !desktop && (
          <Button onClick={() => void Notification.requestPermission().then(setNotifications)}>开启桌面通知</Button>
        )}
      </FilterBar>
      <Card
        title={
          <Space wrap>
            预警收件箱 <Badge count={firing} overflowCount={999} />
            <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
              实时更新，无需刷新
            </Typography.Text>
          </Space>
        }
      >
        {phone ? (
          <AlertCards alerts={rows} loading={live.loading} onOpen={setOpenId} />
        ) : (
          <Table<AlertView>
            size="small"
            rowKey="id"
            loading={live.loading}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="alert-inbox"
            onRow={(a) => ({ "data-alert-id": a.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: "级别",
                dataIndex: "severity",
                width: 70,
                render: (s: string, a) => <Tag color={SEVERITY_COLORS[s]}>{a.severityName}</Tag>,
              },
              {
                title: "预警",
                dataIndex: "summary",
                render: (summary: string, a) => (
                  <a
                    href={`#alert-${a.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      setOpenId(a.id);
                    }}
                  >
                    {summary}
                  </a>
                ),
              },
              {
                title: "月份",
                dataIndex: "period",
                width: 120,
                render: (p: number, a: { lastPeriod: number }) =>
                  a.lastPeriod !== p ? `${formatPeriod(p)}起至${formatPeriod(a.lastPeriod)}` : formatPeriod(p),
              },
              {
                title: "状态",
                dataIndex: "state",
                width: 90,
                render: (s: string, a) => <Tag color={STATE_COLORS[s]}>{a.stateName}</Tag>,
              },
              {
                title: "处置",
                key: "human",
                width: 170,
                render: (_, a) => (
                  <Space size={4} wrap>
                    <HumanStateTags alert={a} />
                  </Space>
                ),
              },
              { title: "更新时间", dataIndex: "updatedAt", width: 160, render: (d: Date) => formatDateTime(d) },
              {
                title: "操作",
                key: "actions",
                width: 230,
                render: (_, a) => <AlertActions alert={a} regionCode={a.regionCode} />,
              },
            ]}
          />
        )}
      </Card>
      {region && <ActiveSilences regionCode={region} />}
      {openId && <AlertDetailDrawer id={openId} onClose={() => setOpenId(null)} />}
    </PageStack>
  );
}
