"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, InputNumber, Space } from "antd";
import { SEVERITY_NAMES, type Severity } from "@/server/domain/alerts";
import { describeDuration } from "@/server/domain/ruleWords";
import { useTRPC } from "../../_trpc/client";

type Limits = Record<Severity, number>;
const toHours = (limits: Limits) =>
  Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, Math.round((v / 60) * 10) / 10])) as Limits;
const toMinutes = (hours: Limits) =>
  Object.fromEntries(Object.entries(hours).map(([k, v]) => [k, Math.round(v * 60)])) as Limits;

/** Stored in minutes, read and edited in hours (with days spelled out): minutes before an unacknowledged (or unseen) alert escalates to the parent region, per severity. */
export function EscalationCard({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const limits = useQuery(trpc.rule.escalation.queryOptions());
  const save = useMutation(
    trpc.rule.saveEscalation.mutationOptions({
      onSuccess: async () => {
        message.success("升级时限已保存");
        await queryClient.invalidateQueries({ queryKey: trpc.rule.escalation.queryKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );
  if (!limits.data) return null;
  return (
    <Card
      title={
        <span style={{ whiteSpace: "normal" }}>升级时限（告警中且未签收或无人查看，超过时限即升级至上级督查员）</span>
      }
      size="small"
    >
      <Form
        layout="inline"
        initialValues={toHours(limits.data as Limits)}
        onFinish={(v: Limits) => save.mutate(toMinutes(v))}
        disabled={!canEdit}
      >
        <Space wrap>
          {(Object.keys(SEVERITY_NAMES) as Severity[]).map((s) => (
            <Form.Item
              key={s}
              label={SEVERITY_NAMES[s]}
              name={s}
              rules={[{ required: true, message: "请填写小时数" }]}
              extra={describeDuration((limits.data as Limits)[s])}
            >
              <InputNumber min={0.1} max={720} step={0.5} addonAfter="小时" />
            </Form.Item>
          ))}
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
