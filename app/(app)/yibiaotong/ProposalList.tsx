"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Space, Tag, Typography } from "antd";
import Link from "next/link";
import { useState } from "react";
import { formatDecimal, formatNumber } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import type { Cluster } from "./types";

function DecisionTag({ decision }: { decision: Cluster["decision"] }) {
  if (!decision) return <Tag color="orange">待处理</Tag>;
  if (decision.status === "ACCEPTED") return <Tag color="green">已采纳，已转入准入审批</Tag>;
  return <Tag>不采纳：{decision.reason}</Tag>;
}

/** Merge proposals of one county; monitors accept (a draft admission request) or dismiss with a reason. */
export function ProposalList({
  countyCode,
  clusters,
  canDecide,
}: {
  countyCode: string;
  clusters: Cluster[];
  canDecide: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [dismissing, setDismissing] = useState<Cluster | null>(null);
  const [reason, setReason] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.formOverlap.pathKey() });
  const accept = useMutation(
    trpc.formOverlap.accept.mutationOptions({
      onSuccess: async (r) => {
        message.success(`已生成准入申请“${r.admissionRequest.name}”，请在目录与准入中审批`);
        await refresh();
        await queryClient.invalidateQueries({ queryKey: trpc.admission.pathKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const dismiss = useMutation(
    trpc.formOverlap.dismiss.mutationOptions({
      onSuccess: async () => {
        message.success("已记录不采纳理由");
        setDismissing(null);
        await refresh();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  if (!clusters.length) return <Empty description="没有发现问的数据基本相同的表格组" />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="proposal-list">
      {clusters.map((c) => (
        <Card
          key={c.clusterKey}
          size="small"
          data-testid="proposal"
          title={
            <Space wrap>
              <span>{c.title}</span>
              <DecisionTag decision={c.decision} />
            </Space>
          }
          extra={
            canDecide && !c.decision ? (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  loading={accept.isPending && accept.variables?.clusterKey === c.clusterKey}
                  onClick={() => accept.mutate({ regionCode: countyCode, clusterKey: c.clusterKey })}
                  data-testid="proposal-accept"
                >
                  采纳并提交准入
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setReason("");
                    setDismissing(c);
                  }}
                  data-testid="proposal-dismiss"
                >
                  不采纳
                </Button>
              </Space>
            ) : c.decision?.status === "ACCEPTED" ? (
              <Link href="/catalogue">前往审批</Link>
            ) : null
          }
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="合并的表格">
              {c.members.map((m) => (
                <Tag key={m.key} color={m.key === c.baseKey ? "blue" : undefined}>
                  {m.title}
                  {m.department ? `（${m.department}）` : ""}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="以此表为基础">{c.baseTitle}</Descriptions.Item>
            <Descriptions.Item label="共享部门">{c.departments.join("、") || "—"}</Descriptions.Item>
            <Descriptions.Item label="平均重合度">{Math.round(c.meanScore * 100)}%</Descriptions.Item>
            <Descriptions.Item label="每年节省">
              <Typography.Text strong data-testid="proposal-hours">
                {formatDecimal(c.savedHours)} 小时
              </Typography.Text>
              （少填 {formatNumber(c.savedEntries)} 个重复字段、{formatNumber(c.savedFillings)} 次填报，按村计）
            </Descriptions.Item>
            <Descriptions.Item label={`合并后数据项（${c.itemCount}项）`}>
              {c.groups.map((g) => (
                <div key={g.group}>
                  <Typography.Text type="secondary">{g.group}：</Typography.Text>
                  {g.items.map((i) => i.label).join("、")}
                </div>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
      {dismissing && (
        <Modal
          open
          title={`不采纳：${dismissing.title}`}
          okText="不采纳"
          okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
          confirmLoading={dismiss.isPending}
          onCancel={() => setDismissing(null)}
          onOk={() => dismiss.mutate({ regionCode: countyCode, clusterKey: dismissing.clusterKey, reason })}
        >
          <Alert
            type="info"
            showIcon
            title="不采纳须写明理由（如服务对象不同、法定表式不能合并），理由记入审计日志。"
            style={{ marginBottom: 12 }}
          />
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            placeholder="不采纳理由（必填）"
            data-testid="dismiss-reason"
          />
        </Modal>
      )}
    </Space>
  );
}
