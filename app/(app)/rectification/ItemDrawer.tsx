"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Image,
  Input,
  List,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { acceptanceSummary } from "@/server/domain/rectification";
import { formatDate, formatDateTime, formatPeriod } from "../../_components/format";
import { useMe } from "../../_components/useMe";
import { useTRPC } from "../../_trpc/client";
import { ItemStateTag } from "./ItemStateTag";
import { STEP_NAMES } from "./labels";

async function uploadEvidence(itemId: string, file: File): Promise<void> {
  const form = new FormData();
  form.set("itemId", itemId);
  form.set("file", file);
  const response = await fetch("/api/rectification/evidence", { method: "POST", body: form });
  if (!response.ok)
    throw new Error(((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? "上传失败");
}

/** One item: what to fix, its records, evidence and timeline, and the actions of the viewer's role. */
export function ItemDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const detail = useQuery(trpc.rectification.get.queryOptions({ id }));
  const [measures, setMeasures] = useState("");
  const [reason, setReason] = useState("");
  const [extension, setExtension] = useState<Dayjs | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = async () => {
    setError(null);
    await queryClient.invalidateQueries({ queryKey: trpc.rectification.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.department.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.record.pathKey() });
  };
  const options = (done: string) => ({
    onSuccess: async () => {
      message.success(done);
      setReason("");
      await refresh();
    },
    onError: (e: { message: string }) => setError(e.message),
  });
  const submit = useMutation(trpc.rectification.submit.mutationOptions(options("整改材料已提交，等待监测人员审核")));
  const accept = useMutation(
    trpc.rectification.accept.mutationOptions({
      onSuccess: async (closed) => {
        // The monitor sees at once what the acceptance changed, and any record it could not end.
        const summary = acceptanceSummary(closed.effects);
        if (closed.effects.failedRecords.length) message.warning(summary, 8);
        else message.success(summary);
        await refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const sendBack = useMutation(trpc.rectification.sendBack.mutationOptions(options("已退回")));
  const requestExtension = useMutation(trpc.rectification.requestExtension.mutationOptions(options("延期申请已提交")));
  const decideExtension = useMutation(trpc.rectification.decideExtension.mutationOptions(options("已处理延期申请")));

  const item = detail.data;
  const isOwner = me?.role === "department" && item !== undefined && me.departmentId === item.departmentId;
  const isMonitor = me?.role === "monitor" || me?.role === "admin";
  const pending = item?.evidence.filter((e) => !e.stepId) ?? [];
  const canSubmit = isOwner && (item?.state === "OPEN" || item?.state === "RETURNED");

  return (
    <Drawer open size={720} title={item ? item.title : "整改事项"} onClose={onClose}>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setError(null)}
        />
      )}
      {item && (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="item-drawer">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="状态" span={2}>
              <span data-testid="item-state">
                <ItemStateTag item={item} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="责任部门">{item.departmentName}</Descriptions.Item>
            <Descriptions.Item label="地区">{item.regionName}</Descriptions.Item>
            <Descriptions.Item label="违反条款">《意见》第{item.clause}条</Descriptions.Item>
            <Descriptions.Item label="整改措施类型">{item.actionName}</Descriptions.Item>
            <Descriptions.Item label="整改期限">{formatDate(item.deadline)}</Descriptions.Item>
            <Descriptions.Item label="来源">{item.sourceName}</Descriptions.Item>
            <Descriptions.Item label="整改要求" span={2}>
              {item.requirement}
            </Descriptions.Item>
            {item.measures && (
              <Descriptions.Item label="部门整改说明" span={2}>
                {item.measures}
              </Descriptions.Item>
            )}
            {item.returnReason && item.state === "RETURNED" && (
              <Descriptions.Item label="退回理由" span={2}>
                <Typography.Text type="danger">{item.returnReason}</Typography.Text>
              </Descriptions.Item>
            )}
            {item.extensionUntil && (
              <Descriptions.Item label="延期申请" span={2}>
                申请延至 {formatDate(item.extensionUntil)}：{item.extensionReason}
              </Descriptions.Item>
            )}
          </Descriptions>

          {item.records.length > 0 && (
            <List
              size="small"
              header={<b>涉及记录（{item.records.length} 条）</b>}
              bordered
              dataSource={item.records}
              renderItem={(r) => (
                <List.Item>
                  <Space wrap>
                    <span>{formatPeriod(r.period)}</span>
                    <Tag>{BURDEN_KIND_NAMES[r.kind as BurdenKind] ?? r.kind}</Tag>
                    <span>{r.title}</span>
                    {r.status === "WITHDRAWN" ? <Tag>已撤回</Tag> : <Tag color="blue">有效</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          )}

          <div>
            <b>证明材料</b>
            <Space wrap style={{ marginTop: 8, display: "flex" }}>
              {item.evidence.length === 0 && <Typography.Text type="secondary">尚无</Typography.Text>}
              {item.evidence.map((e) => (
                <Space key={e.id} orientation="vertical" size={0} align="center">
                  <Image
                    width={96}
                    height={96}
                    style={{ objectFit: "cover" }}
                    src={`/api/rectification/evidence?id=${e.id}`}
                    alt={e.fileName}
                  />
                  <Typography.Text style={{ fontSize: 12, maxWidth: 110 }} ellipsis>
                    {e.fileName}
                  </Typography.Text>
                  {!e.stepId && <Tag color="gold">待提交</Tag>}
                </Space>
              ))}
            </Space>
          </div>

          {canSubmit && (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Upload
                accept="image/jpeg,image/png"
                showUploadList={false}
                multiple
                customRequest={async ({ file, onSuccess, onError }) => {
                  setUploading(true);
                  try {
                    await uploadEvidence(item.id, file as File);
                    onSuccess?.({});
                    await refresh();
                  } catch (e) {
                    setError(e instanceof Error ? e.message : "上传失败");
                    onError?.(e as Error);
                  } finally {
                    setUploading(false);
                  }
                }}
              >
                <Button loading={uploading} data-testid="upload-evidence">
                  上传证明材料（JPG/PNG，≤5 MB）
                </Button>
              </Upload>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={measures}
                onChange={(e) => setMeasures(e.target.value)}
                placeholder="说明已采取的整改措施，如撤回通知文号、群解散时间、摘牌时间"
                data-testid="item-measures"
              />
              <Button
                type="primary"
                disabled={pending.length === 0 || measures.trim().length < 5}
                loading={submit.isPending}
                onClick={() => submit.mutate({ id: item.id, measures })}
                data-testid="item-submit"
              >
                提交整改材料
              </Button>
              {!item.extensionUntil && (
                <Space wrap>
                  <DatePicker
                    value={extension}
                    onChange={setExtension}
                    disabledDate={(d) => d.isBefore(dayjs(item.deadline), "day")}
                    placeholder="延期至"
                  />
                  <Input
                    style={{ width: 260 }}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    placeholder="延期理由（至少5个字）"
                    maxLength={1000}
                  />
                  <Button
                    disabled={!extension || reason.trim().length < 5}
                    loading={requestExtension.isPending}
                    onClick={() =>
                      extension &&
                      requestExtension.mutate({ id: item.id, until: extension.endOf("day").toDate(), reason })
                    }
                  >
                    申请延期
                  </Button>
                </Space>
              )}
            </Space>
          )}

          {isMonitor && item.state === "SUBMITTED" && (
            <Space wrap>
              <Button
                type="primary"
                loading={accept.isPending}
                onClick={() => accept.mutate({ id: item.id })}
                data-testid="item-accept"
              >
                审核通过，销号
              </Button>
              <Input
                style={{ width: 280 }}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="退回理由（必填）"
                maxLength={1000}
                data-testid="return-reason"
              />
              <Button
                danger
                disabled={reason.trim().length < 2}
                loading={sendBack.isPending}
                onClick={() => sendBack.mutate({ id: item.id, reason })}
                data-testid="item-return"
              >
                退回
              </Button>
            </Space>
          )}
          {isMonitor && item.extensionUntil && (
            <Space wrap>
              <Button onClick={() => decideExtension.mutate({ id: item.id, approve: true })}>
                批准延期至 {formatDate(item.extensionUntil)}
              </Button>
              <Input
                style={{ width: 240 }}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="驳回理由"
                maxLength={1000}
              />
              <Button
                danger
                disabled={reason.trim().length < 2}
                onClick={() => decideExtension.mutate({ id: item.id, approve: false, reason })}
              >
                驳回延期
              </Button>
            </Space>
          )}

          <div>
            <b>办理过程</b>
            <Timeline
              style={{ marginTop: 12 }}
              items={item.steps.map((s) => ({
                color:
                  s.type === "ACCEPTED" ? "green" : s.type === "RETURNED" || s.type === "ESCALATED" ? "red" : "blue",
                content: (
                  <div>
                    <div>
                      {STEP_NAMES[s.type] ?? s.type} · {s.actorName} · {formatDateTime(s.createdAt)}
                    </div>
                    {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
                  </div>
                ),
              }))}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
