"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { BurdenKind } from "@/server/domain/burdenKinds";
import { RegionPicker } from "../../_components/RegionPicker";
import { useTRPC } from "../../_trpc/client";
import { KIND_OPTIONS } from "../../_components/options";

interface Values {
  kind: BurdenKind;
  scopeRegionCode: string;
  title: string;
  units: number;
  occurredOn: Dayjs;
}

/** Before imposing a demand, the department sees whether it would be a violation, and may register it. */
export function SelfCheckCard({ regionCode }: { regionCode: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<{ isViolation: boolean; violations: { reason: string }[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useMutation(
    trpc.department.selfCheck.mutationOptions({
      onSuccess: (r) => {
        setError(null);
        setResult(r);
      },
      onError: (e) => setError(e.message),
    }),
  );
  const report = useMutation(
    trpc.department.selfReport.mutationOptions({
      onSuccess: async () => {
        message.success("已登记，将计入本部门的负担统计");
        setResult(null);
        form.resetFields();
        await queryClient.invalidateQueries({ queryKey: trpc.department.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const input = (v: Values) => ({
    kind: v.kind,
    scopeRegionCode: v.scopeRegionCode,
    title: v.title,
    units: v.units,
    occurredOn: v.occurredOn.toDate(),
    details: {},
  });
  return (
    <Card title="拟下达事项自查" extra="下达前先自查是否违规；合规事项也可登记备案">
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ kind: "FORM", scopeRegionCode: regionCode, units: 1, occurredOn: dayjs() }}
        onFinish={(v) => check.mutate(input(v))}
        onValuesChange={() => setResult(null)}
      >
        <Form.Item name="kind" rules={[{ required: true }]}>
          <Select style={{ width: 190 }} options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="scopeRegionCode" rules={[{ required: true, message: "请选择下达范围" }]}>
          <RegionPicker onChange={(c) => form.setFieldValue("scopeRegionCode", c)} />
        </Form.Item>
        <Form.Item name="title" rules={[{ required: true, message: "请填写事项名称" }]}>
          <Input
            placeholder="事项名称，如表格名称"
            style={{ width: 240 }}
            maxLength={200}
            data-testid="selfcheck-title"
          />
        </Form.Item>
        <Form.Item name="units">
          <InputNumber min={1} max={10000} precision={0} addonAfter="次" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="occurredOn">
          <DatePicker />
        </Form.Item>
        <Button htmlType="submit" loading={check.isPending} data-testid="selfcheck">
          自查
        </Button>
      </Form>
      <Space orientation="vertical" style={{ width: "100%", marginTop: 12 }}>
        {error && <Alert type="error" showIcon title={error} />}
        {result && (
          <Alert
            type={result.isViolation ? "error" : "success"}
            showIcon
            data-testid="selfcheck-result"
            title={result.isViolation ? "该事项将被判定为违规，请勿下达或先申请准入" : "未发现违规，可以下达"}
            description={result.violations.map((v) => <div key={v.reason}>· {v.reason}</div>)}
            action={
              <Button
                size="small"
                loading={report.isPending}
                onClick={() => form.validateFields().then((v) => report.mutate(input(v)))}
              >
                登记为本部门负担
              </Button>
            }
          />
        )}
      </Space>
    </Card>
  );
}
