"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker, Form, Input, Modal, Select, Tag, Tooltip } from "antd";
import type { Dayjs } from "dayjs";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "../../_trpc/client";
import { ACTION_OPTIONS } from "./labels";
import { FormError } from "../../_components/FormModal";

type Action = "WITHDRAW" | "DISSOLVE" | "TAKE_DOWN" | "STOP_CERTIFICATE" | "OTHER";

/** Bulk creation from the record list: one item per responsible department of the selected violations. */
export function CreateFromRecordsButton({ recordIds, onDone }: { recordIds: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{
    title?: string;
    severity: "INFO" | "WARNING" | "CRITICAL";
    action?: Action;
    deadline?: Dayjs;
  }>();
  const create = useMutation(
    trpc.rectification.createFromRecords.mutationOptions({
      onSuccess: async (items) => {
        message.success(`已生成 ${items.length} 项整改事项，并推送给责任部门`);
        setOpen(false);
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.rectification.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <>
      <Button
        disabled={recordIds.length === 0}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        data-testid="create-items"
      >
        生成整改事项{recordIds.length ? `（${recordIds.length}）` : ""}
      </Button>
      <Modal
        open={open}
        title={`由 ${recordIds.length} 条违规记录生成整改事项`}
        okText="生成"
        okButtonProps={{ loading: create.isPending, "data-testid": "create-items-ok" } as { loading: boolean }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          form.validateFields().then((v) =>
            create.mutate({
              recordIds,
              options: {
                title: v.title?.trim() || null,
                severity: v.severity,
                action: v.action ?? null,
                deadline: v.deadline ? v.deadline.endOf("day").toDate() : null,
              },
            }),
          )
        }
      >
        <FormError error={error} />
        <p>每个责任部门生成一项，条款与整改要求按记录的违规情况自动填写。</p>
        <Form form={form} layout="vertical" initialValues={{ severity: "WARNING" }}>
          <Form.Item name="title" label="事项标题（不填则按部门、月份和类别自动生成）">
            <Input maxLength={200} data-testid="create-items-title" />
          </Form.Item>
          <Form.Item name="severity" label="严重程度（决定默认整改期限）">
            <Select
              options={[
                { value: "CRITICAL", label: "严重（7天）" },
                { value: "WARNING", label: "一般（15天）" },
                { value: "INFO", label: "轻微（30天）" },
              ]}
            />
          </Form.Item>
          <Form.Item name="action" label="整改措施类型（不选则按负担类别）">
            <Select allowClear options={ACTION_OPTIONS} />
          </Form.Item>
          <Form.Item name="deadline" label="整改期限（不选则按严重程度）">
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Marks records that sit in an open item on the current page of the record list. */
export function useOpenItems(regionCode: string | undefined, recordIds: string[], enabled: boolean) {
  const trpc = useTRPC();
  const open = useQuery({
    ...trpc.rectification.openForRecords.queryOptions({ regionCode: regionCode ?? "", recordIds }),
    enabled: enabled && Boolean(regionCode) && recordIds.length > 0,
  });
  const byRecord = new Map((open.data ?? []).map((o) => [o.recordId, o]));
  return (recordId: string) => {
    const o = byRecord.get(recordId);
    return o ? (
      <Tooltip title={o.title}>
        <Link href={`/rectification?item=${o.itemId}`}>
          <Tag color="purple">整改中</Tag>
        </Link>
      </Tooltip>
    ) : null;
  };
}
