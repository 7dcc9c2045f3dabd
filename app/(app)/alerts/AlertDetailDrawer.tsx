"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, Descriptions, Drawer, Skeleton, Tag, Timeline, Typography } from "antd";
import { BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { formatDate, formatDateTime, formatPeriod } from "../../_components/format";
import { can } from "../../_components/can";
import { useIsPhone } from "../../_components/useIsPhone";
import { useMe } from "../../_components/useMe";
import { useTRPC } from "../../_trpc/client";
import { RowsTable } from "../../_components/QueryTable";

const EVENT_NAMES: Record<string, string> = {
  PENDING: "进入待确认",
  FIRING: "触发告警",
  RESOLVED: "自动恢复",
  VALUE_CHANGED: "数值变化",
  REOPENED: "超过签收上限，重新打开",
  ACKNOWLEDGED: "签收",
  ASSIGNED: "指派",
  NOTE: "备注",
  RESOLVED_BY_HAND: "人工处置",
  ESCALATED: "升级至上级",
  NEW_VIOLATION: "新增违规",
};
const HUMAN = new Set(["ACKNOWLEDGED", "ASSIGNED", "NOTE", "RESOLVED_BY_HAND"]);

/** One alert: what it is, its timeline of machine and human events, and the records behind it. */
export function AlertDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.alert.get.queryOptions({ id }));
  const d = detail.data;
  const me = useMe();
  const phone = useIsPhone();
  return (
    <Drawer
      open
      title="预警详情"
      size={phone ? "100%" : 720}
      onClose={onClose}
      extra={
        d &&
        can(me, "exposure.create") && (
          <Button href={`/exposure?fromAlert=${d.alert.id}`} data-testid="alert-to-exposure">
            转为通报曝光
          </Button>
        )
      }
    >
      {!d ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered data-testid="alert-detail">
            <Descriptions.Item label="规则">{d.ruleName}</Descriptions.Item>
            <Descriptions.Item label="内容">{d.alert.summary}</Descriptions.Item>
            <Descriptions.Item label="区划 / 月份">
              {d.alert.regionName} / {formatPeriod(d.alert.period)}
              {d.alert.lastPeriod !== d.alert.period ? ` 起，最近 ${formatPeriod(d.alert.lastPeriod)}` : ""}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              {d.alert.stateName}（当前值 {d.alert.value.toFixed(2)}，阈值 {d.alert.threshold ?? "—"}）
            </Descriptions.Item>
            <Descriptions.Item label="签收">
              {d.alert.ackedAt
                ? `${d.alert.acknowledged ? "有效" : "已失效"}：${d.alert.ackReason}（${formatDateTime(d.alert.ackedAt)}${d.alert.ackCeiling !== null ? `，上限 ${d.alert.ackCeiling.toFixed(2)}` : ""}）`
                : "未签收"}
            </Descriptions.Item>
            {d.alert.rectificationNote && (
              <Descriptions.Item label="整改说明">{d.alert.rectificationNote}</Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            时间线
          </Typography.Title>
          <Timeline
            data-testid="alert-timeline"
            items={d.events.map((e) => ({
              color: HUMAN.has(e.type)
                ? "blue"
                : e.type === "FIRING" || e.type === "REOPENED" || e.type === "NEW_VIOLATION"
                  ? "red"
                  : "gray",
              content: (
                <span>
                  {formatDateTime(e.createdAt)} · {EVENT_NAMES[e.type] ?? e.type}
                  {e.by ? ` · ${e.by}` : ""}
                  {e.text ? `：${e.text}` : ""}
                  {e.value !== null && !HUMAN.has(e.type) ? `（值 ${e.value.toFixed(2)}）` : ""}
                  {e.escalatedTo ? `（升级至 ${e.escalatedTo}）` : ""}
                  {e.grouped ? <GroupedRecords {...e.grouped} /> : null}
                </span>
              ),
            }))}
          />
          <Typography.Title level={5}>相关记录</Typography.Title>
          {phone ? (
            <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="alert-records">
              {d.records.map((r) => (
                <li key={r.id} style={{ marginBottom: 6 }}>
                  {r.title}（{r.departmentName}，{BURDEN_KIND_NAMES[r.kind]}，{formatDate(r.occurredOn)}）
                  {r.violating ? (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      违规
                    </Tag>
                  ) : (
                    <Tag color="green" style={{ marginLeft: 4 }}>
                      合规
                    </Tag>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <RowsTable
              dataSource={d.records}
              columns={[
                { title: "日期", dataIndex: "occurredOn", render: (v: Date) => formatDate(v) },
                { title: "类别", dataIndex: "kind", render: (k: BurdenKind) => BURDEN_KIND_NAMES[k] },
                { title: "事项", dataIndex: "title" },
                { title: "部门", dataIndex: "departmentName" },
                {
                  title: "判定",
                  key: "v",
                  render: (_, r) => (r.violating ? <Tag color="red">违规</Tag> : <Tag color="green">合规</Tag>),
                },
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

/** The records one grouped 新增违规 event stands for (a ledger import), folded so the timeline stays short. */
function GroupedRecords({
  count,
  records,
}: {
  count: number;
  records: { id: string; title: string; department: string; villages: number }[];
}) {
  return (
    <details data-testid="grouped-violations">
      <summary>查看这 {count} 条违规要求</summary>
      <ul style={{ paddingLeft: 18, margin: 0 }}>
        {records.map((r) => (
          <li key={r.id}>
            {r.department}「{r.title}」（涉及 {r.villages} 个村）
          </li>
        ))}
      </ul>
      {count > records.length ? (
        <span>另有 {count - records.length} 条未列出，可在数据采集页按部门筛选查看</span>
      ) : null}
    </details>
  );
}
