"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { DETAIL_FIELDS } from "@/server/domain/burdenDetails";
import type { BurdenKind } from "@/server/domain/burdenKinds";
import { RegionPicker } from "../../_components/RegionPicker";
import { compactDetails, SpecFields } from "../../_components/SpecFields";
import { useTRPC } from "../../_trpc/client";
import { KIND_OPTIONS } from "../../_components/options";

export interface EditableRecord {
  id: string;
  kind: BurdenKind;
  title: string;
  departmentId: string;
  scopeRegionCode: string;
  units: number;
  occurredOn: Date;
  evidence: string | null;
  details: unknown;
}

export interface FormValues {
  kind: BurdenKind;
  title: string;
  departmentId: string;
  scopeRegionCode: string;
  units: number;
  occurredOn: Dayjs;
  evidence?: string;
  details: Record<string, unknown>;
  reason?: string;
}

export function RecordFormDrawer({
  record,
  regionCode,
  departments,
  onClose,
  fromReport,
}: {
  record: EditableRecord | null;
  regionCode: string;
  departments: { id: string; name: string }[];
  onClose: () => void;
  /** Converting a direct report: prefilled values and the report to mark. */
  fromReport?: { id: string; initial: Partial<FormValues> };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch("kind", form) ?? record?.kind ?? "FORM";
  const [error, setError] = useState<string | null>(null);

  // Confirm as soon as the write returns; the list refreshes behind the message.
  const onSuccess = async () => {
    message.success(record ? "记录已修改" : "记录已保存");
    onClose();
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.record.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.region.pathKey() }),
    ]);
  };
  const create = useMutation(trpc.record.create.mutationOptions({ onSuccess, onError: (e) => setError(e.message) }));
  const update = useMutation(trpc.record.update.mutationOptions({ onSuccess, onError: (e) => setError(e.message) }));
  const convert = useMutation(
    trpc.directReport.convert.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.directReport.pathKey() });
        await onSuccess();
      },
      onError: (e) => setError(e.message),
    }),
  );

  function submit(values: FormValues) {
    setError(null);
    const details = compactDetails(values.details);
    const input = {
      kind: values.kind,
      title: values.title,
      departmentId: values.departmentId,
      scopeRegionCode: values.scopeRegionCode,
      units: values.units,
      occurredOn: values.occurredOn.startOf("day").add(12, "hour").toDate(),
      evidence: values.evidence || null,
      details,
    };
    if (fromReport) convert.mutate({ id: fromReport.id, record: input, note: values.reason || null });
    else if (record) update.mutate({ id: record.id, record: input, reason: values.reason || null });
    else create.mutate(input);
  }

  return (
    <Drawer
      open
      title={fromReport ? "直报转为负担记录" : record ? "编辑负担记录" : "新增负担记录"}
      size={560}
      onClose={onClose}
      destroyOnHidden
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="record-form-error" />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          record
            ? {
                ...record,
                occurredOn: dayjs(record.occurredOn),
                evidence: record.evidence ?? undefined,
                details: record.details,
              }
            : {
                kind: "FORM",
                units: 1,
                occurredOn: dayjs(),
                scopeRegionCode: regionCode,
                details: {},
                ...fromReport?.initial,
              }
        }
      >
        <Form.Item label="负担类别" name="kind" rules={[{ required: true, message: "请选择负担类别" }]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={KIND_OPTIONS} data-testid="record-kind" />
        </Form.Item>
        <Form.Item
          label="事项名称"
          name="title"
          rules={[{ required: true, whitespace: true, message: "请填写事项名称" }]}
        >
          <Input maxLength={200} placeholder="如：表格名称、工作群名称、证明名称、牌子名称" />
        </Form.Item>
        <Form.Item label="下达部门" name="departmentId" rules={[{ required: true, message: "请选择下达部门" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            data-testid="record-department"
          />
        </Form.Item>
        <Form.Item
          label="下达范围（县、乡或村）"
          name="scopeRegionCode"
          rules={[{ required: true, message: "请选择下达范围" }]}
        >
          <RegionPicker onChange={(code) => form.setFieldValue("scopeRegionCode", code)} />
        </Form.Item>
        <Space size="large">
          <Form.Item label="发生日期" name="occurredOn" rules={[{ required: true, message: "请选择日期" }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="数量" name="units" rules={[{ required: true, message: "请填写数量" }]}>
            <InputNumber min={1} max={10000} precision={0} />
          </Form.Item>
        </Space>
        <SpecFields key={kind} specs={DETAIL_FIELDS[kind]} />
        <Form.Item label="佐证说明" name="evidence">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {(record || fromReport) && (
          <Form.Item label={fromReport ? "核实说明（回执查询可见）" : "修改原因"} name="reason">
            <Input maxLength={500} />
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending || update.isPending || convert.isPending}
          data-testid="record-submit"
        >
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
