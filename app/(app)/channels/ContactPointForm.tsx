"use client";

import { useMutation } from "@tanstack/react-query";
import { Drawer, Form, Input, Select } from "antd";
import { RegionPicker } from "../../_components/RegionPicker";
import { useFormSave } from "../../_components/useFormSave";
import { useTRPC } from "../../_trpc/client";
import { KIND_OPTIONS, TARGET_HINTS } from "./labels";
import { FormError } from "../../_components/FormModal";
import { EnabledAndSave } from "./EnabledAndSave";

export interface ContactPointDraft {
  id?: string;
  regionCode: string;
  name?: string;
  kind?: string;
  target?: string;
  hasSecret?: boolean;
  enabled?: boolean;
}

interface Values {
  regionCode: string;
  name: string;
  kind: "WECOM" | "DINGTALK" | "EMAIL" | "WEBHOOK";
  target: string;
  secret?: string;
  enabled: boolean;
}

/** The secret field is write-only: a saved secret shows as "已保存" and is kept unless a new one is typed. */
export function ContactPointForm({ draft, onClose }: { draft: ContactPointDraft; onClose: () => void }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form) ?? draft.kind ?? "WECOM";
  const { error, handlers } = useFormSave(trpc.channel, "通知渠道已保存", onClose);
  const save = useMutation(trpc.channel.saveContactPoint.mutationOptions(handlers));
  const needsSecret = kind === "DINGTALK" || kind === "WEBHOOK";
  return (
    <Drawer open title={draft.id ? "编辑通知渠道" : "新建通知渠道"} size={520} onClose={onClose}>
      <FormError error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: "WECOM", enabled: true, ...draft, secret: undefined }}
        onFinish={(v) =>
          save.mutate({
            ...v,
            id: draft.id,
            secret: needsSecret ? (v.secret ? v.secret : draft.hasSecret ? undefined : null) : null,
          })
        }
      >
        <Form.Item label="所属区划" name="regionCode" rules={[{ required: true }]}>
          <RegionPicker onChange={(c) => form.setFieldValue("regionCode", c)} />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: "请填写渠道名称" }]}>
          <Input maxLength={60} placeholder="如：宽城区督查群" data-testid="channel-name" />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={[...KIND_OPTIONS]} data-testid="channel-kind" />
        </Form.Item>
        <Form.Item
          label={kind === "EMAIL" ? "收件邮箱" : "Webhook 地址"}
          name="target"
          rules={[{ required: true, message: "请填写地址" }]}
          extra={TARGET_HINTS[kind]}
        >
          <Input maxLength={1000} data-testid="channel-target" />
        </Form.Item>
        {needsSecret && (
          <Form.Item
            label={kind === "DINGTALK" ? "加签密钥（SEC…）" : "HMAC 签名密钥"}
            name="secret"
            extra={draft.hasSecret ? "已保存密钥，出于安全不再显示；留空则保持不变。" : "保存后加密存储，不再显示。"}
          >
            <Input.Password
              maxLength={500}
              autoComplete="new-password"
              placeholder={draft.hasSecret ? "已保存（留空不变）" : ""}
              data-testid="channel-secret"
            />
          </Form.Item>
        )}
        <EnabledAndSave pending={save.isPending} testId="channel-save" />
      </Form>
    </Drawer>
  );
}
