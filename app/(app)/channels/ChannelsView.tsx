"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { can } from "@/server/api/permissions";
import { formatDateTime } from "../../_components/format";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useTRPC } from "../../_trpc/client";
import { ContactPointForm, type ContactPointDraft } from "./ContactPointForm";
import { EditDeleteButtons } from "./EditDeleteButtons";
import { labelOf, RULE_TYPE_OPTIONS, SEVERITY_OPTIONS, STATUS_TAGS } from "./labels";
import { MyPreferencesCard } from "./MyPreferencesCard";
import { PolicyForm, type PolicyDraft } from "./PolicyForm";
import { RowsTable } from "../../_components/QueryTable";

const duration = (s: number) =>
  s === 0 ? "不重复" : s % 3600 === 0 ? `${s / 3600} 小时` : s % 60 === 0 ? `${s / 60} 分钟` : `${s} 秒`;

export function ChannelsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { me, region, setRegionCode } = useRegionChoice();
  const [editing, setEditing] = useState<ContactPointDraft | null>(null);
  const [policy, setPolicy] = useState<PolicyDraft | null>(null);
  const manager = can(me, "channel.saveContactPoint");
  const canList = can(me, "channel.list");
  const data = useQuery({
    ...trpc.channel.list.queryOptions({ regionCode: region ?? "" }),
    enabled: Boolean(region) && canList,
    refetchInterval: 10_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.channel.pathKey() });
  const onError = (e: { message: string }) => message.error(e.message);
  const test = useMutation(
    trpc.channel.test.mutationOptions({
      onSuccess: async (r) => {
        if (r.ok) message.success("测试消息已送达");
        else message.error(`测试发送失败：${r.error}`);
        await refresh();
      },
      onError,
    }),
  );
  const removeContact = useMutation(trpc.channel.removeContactPoint.mutationOptions({ onSuccess: refresh, onError }));
  const removePolicy = useMutation(trpc.channel.removePolicy.mutationOptions({ onSuccess: refresh, onError }));
  const retry = useMutation(
    trpc.channel.retry.mutationOptions({
      onSuccess: async () => {
        message.success("已重新加入发送队列");
        await refresh();
      },
      onError,
    }),
  );

  const contactPoints = data.data?.contactPoints ?? [];
  type Policy = NonNullable<typeof data.data>["policies"][number];
  type Message = NonNullable<typeof data.data>["messages"][number];
  return (
    <PageStack>
      {can(me, "channel.myPreferences") && <MyPreferencesCard />}
      {canList && (
        <>
          <FilterBar
            region={region}
            onRegionChange={setRegionCode}
            footer={
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                预警写入数据库的同时写入发送队列，重启不丢失；发送失败按指数退避重试，连续 6
                次失败转为死信。静默规则同样屏蔽这些通知。每条消息带幂等键（Idempotency-Key），接收方可据此去重。
              </Typography.Paragraph>
            }
          >
            {manager && region && (
              <>
                <Button type="primary" onClick={() => setEditing({ regionCode: region })} data-testid="new-channel">
                  新建通知渠道
                </Button>
                <Button
                  disabled={contactPoints.length === 0}
                  onClick={() => setPolicy({ regionCode: region })}
                  data-testid="new-policy"
                >
                  新建通知策略
                </Button>
              </>
            )}
          </FilterBar>
          <Card title="通知渠道">
            <RowsTable
              size="middle"
              loading={data.isLoading}
              dataSource={contactPoints}
              scroll={{ x: 800 }}
              columns={[
                { title: "名称", dataIndex: "name" },
                { title: "类型", dataIndex: "kindName" },
                { title: "地址", dataIndex: "target", ellipsis: true },
                {
                  title: "密钥",
                  dataIndex: "hasSecret",
                  render: (s: boolean) => (s ? <Tag color="blue">已加密保存</Tag> : <Tag>无</Tag>),
                },
                {
                  title: "状态",
                  dataIndex: "enabled",
                  render: (e: boolean) => (e ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
                },
                {
                  title: "操作",
                  key: "actions",
                  render: (_: unknown, c: (typeof contactPoints)[number]) => (
                    <Space>
                      {manager && (
                        <Button
                          size="small"
                          loading={test.isPending && test.variables?.id === c.id}
                          onClick={() => test.mutate({ id: c.id })}
                          data-testid="channel-test"
                        >
                          测试发送
                        </Button>
                      )}
                      {manager && (
                        <EditDeleteButtons
                          confirm="删除该渠道及其通知策略？"
                          onEdit={() => setEditing(c)}
                          onDelete={() => removeContact.mutate({ id: c.id })}
                        />
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card title="通知策略">
            <RowsTable<Policy>
              size="middle"
              dataSource={data.data?.policies ?? []}
              scroll={{ x: 900 }}
              columns={[
                { title: "发送到", dataIndex: "contactPointName" },
                { title: "区划", dataIndex: "regionCode" },
                {
                  title: "级别",
                  dataIndex: "severities",
                  render: (s: string[]) => s.map((x) => <Tag key={x}>{labelOf(SEVERITY_OPTIONS, x)}</Tag>),
                },
                {
                  title: "规则类型",
                  dataIndex: "ruleTypes",
                  render: (s: string[]) => (s.length ? s.map((x) => labelOf(RULE_TYPE_OPTIONS, x)).join("、") : "全部"),
                },
                {
                  title: "分组等待/间隔",
                  key: "group",
                  render: (_: unknown, p: Policy) => `${p.groupWaitSec} 秒 / ${p.groupIntervalSec} 秒`,
                },
                { title: "未签收重复提醒", dataIndex: "repeatIntervalSec", render: duration },
                {
                  title: "状态",
                  dataIndex: "enabled",
                  render: (e: boolean) => (e ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
                },
                {
                  title: "操作",
                  key: "actions",
                  render: (_: unknown, p: Policy) =>
                    manager && (
                      <Space>
                        <EditDeleteButtons
                          confirm="删除该通知策略？"
                          onEdit={() => setPolicy(p)}
                          onDelete={() => removePolicy.mutate({ id: p.id })}
                        />
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
          <Card title="发送记录">
            <Table<Message>
              rowKey="id"
              size="small"
              dataSource={data.data?.messages ?? []}
              pagination={{ pageSize: 20 }}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: "状态",
                  dataIndex: "status",
                  render: (s: string) => <Tag color={STATUS_TAGS[s]?.color}>{STATUS_TAGS[s]?.label ?? s}</Tag>,
                },
                { title: "渠道", dataIndex: "contactPointName" },
                {
                  title: "内容",
                  key: "what",
                  render: (_: unknown, m: Message) => (m.test ? "测试消息" : `${m.alertCount} 条预警`),
                },
                { title: "尝试次数", dataIndex: "attempts" },
                { title: "最近错误", dataIndex: "lastError", ellipsis: true },
                {
                  title: "时间",
                  key: "at",
                  render: (_: unknown, m: Message) =>
                    m.sentAt
                      ? `送达 ${formatDateTime(m.sentAt)}`
                      : m.status === "DEAD"
                        ? "—"
                        : `计划 ${formatDateTime(m.nextAttemptAt)}`,
                },
                {
                  title: "操作",
                  key: "retry",
                  render: (_: unknown, m: Message) =>
                    manager &&
                    m.status === "DEAD" && (
                      <Button size="small" onClick={() => retry.mutate({ id: m.id })}>
                        重新发送
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        </>
      )}
      {editing && <ContactPointForm draft={editing} onClose={() => setEditing(null)} />}
      {policy && <PolicyForm draft={policy} contactPoints={contactPoints} onClose={() => setPolicy(null)} />}
    </PageStack>
  );
}
