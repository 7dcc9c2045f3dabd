"use client";

import { useMutation } from "@tanstack/react-query";
import { Drawer, Form, InputNumber, Select } from "antd";
import { RegionPicker } from "../../_components/RegionPicker";
import { useFormSave } from "../../_components/useFormSave";
import { useTRPC } from "../../_trpc/client";
import type { RuleType, Severity } from "@/server/domain/alerts";
import { RULE_TYPE_OPTIONS, SEVERITY_OPTIONS } from "./labels";
import { FormError } from "../../_components/FormModal";
import { EnabledAndSave } from "./EnabledAndSave";

export interface PolicyDraft {
  id?: string;
  regionCode: string;
  contactPointId?: string;
  severities?: string[];
  ruleTypes?: string[];
  groupWaitSec?: number;
  groupIntervalSec?: number;
  repeatIntervalSec?: number;
  enabled?: boolean;
}

interface Values {
  regionCode: string;
  contactPointId: string;
  severities: Severity[];
  ruleTypes: RuleType[];
  groupWaitSec: number;
  groupIntervalSec: number;
  repeatMinutes: number;
  enabled: boolean;
}

export function PolicyForm({
  draft,
  contactPoints,
  onClose,
}: {
  draft: PolicyDraft;
  contactPoints: { id: string; name: string }[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<Values>();
  const { error, handlers } = useFormSave(trpc.channel, "通知策略已保存", onClose);
  const save = useMutation(trpc.channel.savePolicy.mutationOptions(handlers));
  return (
    <Drawer open title={draft.id ? "编辑通知策略" : "新建通知策略"} size={520} onClose={onClose}>
      <FormError error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          {
            severities: ["WARNING", "CRITICAL"],
            ruleTypes: [],
            groupWaitSec: 30,
            groupIntervalSec: 300,
            enabled: true,
            ...draft,
            repeatMinutes: Math.round((draft.repeatIntervalSec ?? 14_400) / 60),
          } as Partial<Values>
        }
        onFinish={({ repeatMinutes, ...v }) =>
          save.mutate({ ...v, id: draft.id, repeatIntervalSec: repeatMinutes * 60 })
        }
      >
        <Form.Item label="适用区划（含下级）" name="regionCode" rules={[{ required: true }]}>
          <RegionPicker onChange={(c) => form.setFieldValue("regionCode", c)} />
        </Form.Item>
        <Form.Item label="发送到" name="contactPointId" rules={[{ required: true, message: "请选择通知渠道" }]}>
          <Select options={contactPoints.map((c) => ({ value: c.id, label: c.name }))} data-testid="policy-contact" />
        </Form.Item>
        <Form.Item label="预警级别" name="severities" rules={[{ required: true, message: "请至少选择一个预警级别" }]}>
          <Select mode="multiple" options={[...SEVERITY_OPTIONS]} />
        </Form.Item>
        <Form.Item label="规则类型" name="ruleTypes" extra="不选表示全部类型">
          <Select mode="multiple" allowClear options={[...RULE_TYPE_OPTIONS]} />
        </Form.Item>
        <Form.Item
          label="分组等待（秒）"
          name="groupWaitSec"
          extra="首条预警到达后等待这么久，把期间的预警合并为一条消息"
        >
          <InputNumber min={0} max={3600} precision={0} />
        </Form.Item>
        <Form.Item label="分组间隔（秒）" name="groupIntervalSec" extra="同一渠道两条消息之间至少间隔这么久">
          <InputNumber min={0} max={86400} precision={0} />
        </Form.Item>
        <Form.Item
          label="未签收重复提醒（分钟）"
          name="repeatMinutes"
          extra="告警中且无人签收的预警，每隔这么久再提醒一次；0 表示不重复"
        >
          <InputNumber min={0} max={10080} precision={0} />
        </Form.Item>
        <EnabledAndSave pending={save.isPending} testId="policy-save" />
      </Form>
    </Drawer>
  );
}
