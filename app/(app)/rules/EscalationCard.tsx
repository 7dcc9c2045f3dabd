"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, InputNumber, Space } from "antd";
import { SEVERITY_NAMES, type Severity } from "@/server/domain/alerts";
import { useTRPC } from "../../_trpc/client";

/** Minutes before an unacknowledged (or unseen) alert escalates to the parent region, per severity. */
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
    <Card title="升级时限（告警中且未签收或无人查看，超过时限即升级至上级督查员）" size="small">
      <Form layout="inline" initialValues={limits.data} onFinish={(v) => save.mutate(v)} disabled={!canEdit}>
        <Space wrap>
          {(Object.keys(SEVERITY_NAMES) as Severity[]).map((s) => (
            <Form.Item key={s} label={SEVERITY_NAMES[s]} name={s} rules={[{ required: true }]}>
              <InputNumber min={5} max={43200} addonAfter="分钟" />
            </Form.Item>
          ))}
          {canEdit && <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>}
        </Space>
      </Form>
    </Card>
  );
}
