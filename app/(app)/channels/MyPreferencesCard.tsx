"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Select, Space, Switch, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTRPC } from "../../_trpc/client";
import { minutesToTime, SEVERITY_OPTIONS } from "./labels";
import { FormError } from "../../_components/FormModal";

type Severity = "INFO" | "WARNING" | "CRITICAL";

interface Values {
  email: string;
  enabled: boolean;
  severities: Severity[];
  quiet: [Dayjs, Dayjs] | null;
}

const toMinutes = (d: Dayjs) => d.hour() * 60 + d.minute();

/** 我的通知: the signed-in person's own e-mail, the severities they want, quiet hours for 提示. */
export function MyPreferencesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const prefs = useQuery(trpc.channel.myPreferences.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.channel.saveMyPreferences.mutationOptions({
      onSuccess: async () => {
        setError(null);
        message.success("我的通知设置已保存");
        await queryClient.invalidateQueries({ queryKey: trpc.channel.myPreferences.queryKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const test = useMutation(
    trpc.channel.test.mutationOptions({
      onSuccess: (r) => (r.ok ? message.success("测试邮件已发送") : message.error(`发送失败：${r.error}`)),
      onError: (e) => message.error(e.message),
    }),
  );
  if (!prefs.data) return <Card title="我的通知" loading />;
  const p = prefs.data;
  const quiet =
    p.quietStart !== null && p.quietEnd !== null
      ? ([dayjs(minutesToTime(p.quietStart), "HH:mm"), dayjs(minutesToTime(p.quietEnd), "HH:mm")] as [Dayjs, Dayjs])
      : null;
  return (
    <Card title="我的通知" extra={<span style={{ color: "#888" }}>本人辖区内的预警发送到本人邮箱</span>}>
      <FormError error={error} />
      <Form<Values>
        layout="inline"
        initialValues={{
          email: p.email ?? "",
          enabled: p.contactPointId ? p.enabled : true,
          severities: p.severities as Severity[],
          quiet,
        }}
        onFinish={(v) =>
          save.mutate({
            email: v.email,
            enabled: v.enabled,
            severities: v.severities,
            quietStart: v.quiet ? toMinutes(v.quiet[0]) : null,
            quietEnd: v.quiet ? toMinutes(v.quiet[1]) : null,
          })
        }
        style={{ rowGap: 12 }}
      >
        <Form.Item label="邮箱" name="email" rules={[{ required: true, message: "请填写邮箱" }]}>
          <Input style={{ width: 220 }} maxLength={200} data-testid="my-email" />
        </Form.Item>
        <Form.Item label="接收级别" name="severities">
          <Select mode="multiple" style={{ minWidth: 200 }} options={[...SEVERITY_OPTIONS]} />
        </Form.Item>
        <Form.Item label="提示级免打扰" name="quiet" extra="此时段内的“提示”级预警顺延到时段结束后发送">
          <TimePicker.RangePicker format="HH:mm" order={false} />
        </Form.Item>
        <Form.Item label="启用" name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="my-save">
            保存
          </Button>
          {p.contactPointId && (
            <Button loading={test.isPending} onClick={() => test.mutate({ id: p.contactPointId! })}>
              测试发送
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
