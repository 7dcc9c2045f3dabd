"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { CATALOGUES, CATALOGUE_FIELDS, CATALOGUE_INFO, type Catalogue } from "@/server/domain/catalogues";
import { formatDate, formatDateTime } from "../../_components/format";
import { compactDetails, SpecFields } from "../../_components/SpecFields";
import { can } from "../../_components/can";
import { useMe } from "../../_components/useMe";
import { useTRPC } from "../../_trpc/client";
import { AdmissionOverlapNote } from "../yibiaotong/AdmissionOverlapNote";
import { FormError } from "../../_components/FormModal";
import { QueryTable } from "../../_components/QueryTable";

const STATUS: Record<string, { label: string; color: string }> = {
  PENDING: { label: "待审批", color: "orange" },
  APPROVED: { label: "已批准", color: "green" },
  REJECTED: { label: "已驳回", color: "red" },
};

const ADMISSION_CATALOGUES = CATALOGUES.filter((c) => CATALOGUE_INFO[c].admission);

function SubmitForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ catalogue: Catalogue; name: string; details: Record<string, unknown> }>();
  const catalogue = Form.useWatch("catalogue", form) ?? "FORM_LIST";
  const [error, setError] = useState<string | null>(null);
  const submit = useMutation(
    trpc.admission.submit.mutationOptions({
      onSuccess: async () => {
        message.success("准入申请已提交，等待监测部门审批");
        form.resetFields();
        await queryClient.invalidateQueries({ queryKey: trpc.admission.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <Card title="提交准入申请" size="small" style={{ marginBottom: 16 }}>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ catalogue: "FORM_LIST", details: {} }}
        onFinish={(v) => {
          setError(null);
          submit.mutate({ catalogue: v.catalogue, name: v.name, details: compactDetails(v.details) });
        }}
      >
        <Space align="start" wrap>
          <Form.Item label="申请类别" name="catalogue" rules={[{ required: true }]}>
            <Select
              style={{ width: 280 }}
              options={ADMISSION_CATALOGUES.map((c) => ({ value: c, label: CATALOGUE_INFO[c].name }))}
              data-testid="admission-catalogue"
            />
          </Form.Item>
          <Form.Item
            label="事项名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: "请填写事项名称" }]}
          >
            <Input
              style={{ width: 320 }}
              maxLength={200}
              placeholder="如：表格名称、工作群名称"
              data-testid="admission-name"
            />
          </Form.Item>
        </Space>
        <SpecFields key={catalogue} specs={CATALOGUE_FIELDS[catalogue]} />
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="admission-submit">
          提交申请
        </Button>
      </Form>
    </Card>
  );
}

export function AdmissionPanel({ regionCode }: { regionCode: string; role?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const requests = useQuery(trpc.admission.list.queryOptions({ regionCode }));
  const [deciding, setDeciding] = useState<{ id: string; name: string; approve: boolean } | null>(null);
  const [reason, setReason] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState<Dayjs | null>(dayjs());
  const decide = useMutation(
    trpc.admission.decide.mutationOptions({
      onSuccess: async (result) => {
        message.success(
          result.request.status === "APPROVED"
            ? `已批准，${result.reclassified?.changed ?? 0} 条记录的判定结论改变`
            : "已驳回",
        );
        setDeciding(null);
        await queryClient.invalidateQueries({ queryKey: trpc.admission.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.catalogue.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.record.pathKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const me = useMe();
  const canDecide = can(me, "admission.decide");
  return (
    <>
      {can(me, "admission.submit") && <SubmitForm />}
      <QueryTable
        query={requests}
        data-testid="admission-table"
        columns={[
          { title: "申请时间", dataIndex: "createdAt", render: (d: Date) => formatDateTime(d) },
          { title: "申请部门", dataIndex: "departmentName" },
          { title: "类别", dataIndex: "catalogue", render: (c: Catalogue) => CATALOGUE_INFO[c]?.name ?? c },
          { title: "事项", dataIndex: "name" },
          {
            title: "状态",
            dataIndex: "status",
            render: (s: string) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.label ?? s}</Tag>,
          },
          { title: "生效日期", dataIndex: "effectiveFrom", render: (d: Date | null) => (d ? formatDate(d) : "—") },
          { title: "审批意见", dataIndex: "decisionReason", render: (v: string | null) => v ?? "—" },
          {
            title: "操作",
            key: "actions",
            render: (_, r) =>
              canDecide && r.status === "PENDING" ? (
                <Space size="small">
                  <Button
                    size="small"
                    type="link"
                    onClick={() => {
                      setReason("");
                      setEffectiveFrom(dayjs());
                      setDeciding({ id: r.id, name: r.name, approve: true });
                    }}
                  >
                    批准
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => {
                      setReason("");
                      setDeciding({ id: r.id, name: r.name, approve: false });
                    }}
                  >
                    驳回
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {deciding && (
        <Modal
          open
          title={`${deciding.approve ? "批准" : "驳回"}准入申请：${deciding.name}`}
          okText={deciding.approve ? "批准" : "驳回"}
          confirmLoading={decide.isPending}
          okButtonProps={{ danger: !deciding.approve, disabled: !deciding.approve && reason.trim().length < 2 }}
          onCancel={() => setDeciding(null)}
          onOk={() =>
            decide.mutate({
              id: deciding.id,
              approve: deciding.approve,
              reason: reason || null,
              effectiveFrom: deciding.approve && effectiveFrom ? effectiveFrom.startOf("day").toDate() : null,
            })
          }
        >
          <Space orientation="vertical" style={{ width: "100%" }}>
            <AdmissionOverlapNote requestId={deciding.id} />
            {deciding.approve && (
              <Space>
                生效日期：
                <DatePicker value={effectiveFrom} onChange={setEffectiveFrom} data-testid="admission-effective" />
              </Space>
            )}
            <Input.TextArea
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={deciding.approve ? "审批意见（可选）" : "驳回理由（必填）"}
              maxLength={500}
            />
          </Space>
        </Modal>
      )}
    </>
  );
}
