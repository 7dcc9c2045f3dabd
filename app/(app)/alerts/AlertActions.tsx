"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { FormModal } from "../../_components/FormModal";
import { can } from "../../_components/can";
import { useMe } from "../../_components/useMe";
import { useTRPC } from "../../_trpc/client";
import type { AlertView } from "./useLiveAlerts";

type Action = "ack" | "assign" | "note" | "resolve" | "silence" | null;

/** 签收, 指派, 备注, 人工处置: each writes the human layer; the inbox updates from the pushed event. */
export function AlertActions({ alert, regionCode }: { alert: AlertView; regionCode: string }) {
  const trpc = useTRPC();
  const me = useMe();
  const { message } = App.useApp();
  const [action, setAction] = useState<Action>(null);
  const [form] = Form.useForm();
  const assignees = useQuery({ ...trpc.alert.assignees.queryOptions({ regionCode }), enabled: action === "assign" });
  const done = (text: string) => ({
    onSuccess: () => {
      message.success(text);
      setAction(null);
      form.resetFields();
    },
    onError: (e: { message: string }) => message.error(e.message),
  });
  const acknowledge = useMutation(trpc.alert.acknowledge.mutationOptions(done("已签收")));
  const assign = useMutation(trpc.alert.assign.mutationOptions(done("已指派")));
  const note = useMutation(trpc.alert.note.mutationOptions(done("备注已添加")));
  const resolve = useMutation(trpc.alert.resolve.mutationOptions(done("已人工处置")));
  const silence = useMutation(
    trpc.alert.silence.mutationOptions({
      onSuccess: (result) => {
        message.success(`已静默至截止时间，遮蔽 ${result.regionsHidden} 个区划的同类预警`);
        setAction(null);
        form.resetFields();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const pending = acknowledge.isPending || assign.isPending || note.isPending || resolve.isPending || silence.isPending;

  function submit(values: {
    reason?: string;
    expiresAt?: Dayjs;
    ceilingMargin?: number;
    assigneeId?: string;
    body?: string;
    rectification?: string;
    until?: Dayjs;
  }) {
    if (action === "silence")
      silence.mutate({
        regionCode,
        ruleKey: alert.ruleKey,
        reason: values.reason ?? "",
        expiresAt: values.until!.toDate(),
      });
    if (action === "ack")
      acknowledge.mutate({
        id: alert.id,
        reason: values.reason ?? "",
        expiresAt: values.expiresAt?.toDate() ?? null,
        ceilingMargin: values.ceilingMargin ?? null,
      });
    if (action === "assign") assign.mutate({ id: alert.id, assigneeId: values.assigneeId ?? "" });
    if (action === "note") note.mutate({ id: alert.id, body: values.body ?? "" });
    if (action === "resolve") resolve.mutate({ id: alert.id, rectification: values.rectification ?? "" });
  }

  const titles = {
    ack: "签收预警",
    assign: "指派处理人",
    note: "添加备注",
    resolve: "人工处置（整改说明）",
    silence: "静默同类预警（须设截止时间）",
  };
  return (
    <>
      {/* Only what this role may do (server/api/permissions.ts): no button that ends in a refusal. */}
      <Space size={0} wrap>
        {!alert.acknowledged && can(me, "alert.acknowledge") && (
          <Button size="small" type="link" onClick={() => setAction("ack")} data-testid="ack-alert">
            签收
          </Button>
        )}
        {can(me, "alert.assign") && (
          <Button size="small" type="link" onClick={() => setAction("assign")}>
            指派
          </Button>
        )}
        {can(me, "alert.note") && (
          <Button size="small" type="link" onClick={() => setAction("note")}>
            备注
          </Button>
        )}
        {!alert.resolvedByHandAt && can(me, "alert.resolve") && (
          <Button size="small" type="link" onClick={() => setAction("resolve")}>
            处置
          </Button>
        )}
        {!alert.silenced && can(me, "alert.silence") && (
          <Button size="small" type="link" onClick={() => setAction("silence")}>
            静默
          </Button>
        )}
      </Space>
      {action && (
        <FormModal
          title={titles[action]}
          okText="确定"
          pending={pending}
          form={form}
          onCancel={() => setAction(null)}
          onFinish={submit}
        >
          {action === "ack" && (
            <>
              <Form.Item label="签收理由" name="reason" rules={[{ required: true, min: 2, message: "请填写签收理由" }]}>
                <Input.TextArea rows={3} maxLength={500} data-testid="ack-reason" />
              </Form.Item>
              <Form.Item label="签收有效至（可选）" name="expiresAt">
                <DatePicker showTime />
              </Form.Item>
              <Form.Item
                label={`回升幅度（可选）：当前值 ${alert.value.toFixed(2)}，超过“当前值+幅度”时重新打开`}
                name="ceilingMargin"
              >
                <InputNumber min={0} style={{ width: 200 }} />
              </Form.Item>
            </>
          )}
          {action === "assign" && (
            <Form.Item label="处理人" name="assigneeId" rules={[{ required: true, message: "请选择处理人" }]}>
              <Select
                loading={assignees.isLoading}
                options={assignees.data?.map((u) => ({ value: u.id, label: `${u.name}（${u.regionCode}）` }))}
              />
            </Form.Item>
          )}
          {action === "note" && (
            <Form.Item label="备注" name="body" rules={[{ required: true, message: "请填写备注" }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
          {action === "silence" && (
            <>
              <Form.Item label="静默理由" name="reason" rules={[{ required: true, min: 2, message: "请填写静默理由" }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Form.Item
                label="截止时间（最长90天）"
                name="until"
                rules={[{ required: true, message: "静默必须设置截止时间" }]}
              >
                <DatePicker showTime />
              </Form.Item>
            </>
          )}
          {action === "resolve" && (
            <Form.Item
              label="整改说明"
              name="rectification"
              rules={[{ required: true, min: 2, message: "请填写整改说明" }]}
            >
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
          )}
        </FormModal>
      )}
    </>
  );
}
