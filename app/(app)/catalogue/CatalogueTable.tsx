"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker, Form, Input, Modal, Space, Tag, Timeline } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { CATALOGUE_FIELDS, CATALOGUE_INFO, type Catalogue } from "@/server/domain/catalogues";
import { levelOfCode } from "@/server/domain/regions";
import { formatDate } from "../../_components/format";
import { RegionPicker } from "../../_components/RegionPicker";
import { compactDetails, SpecFields } from "../../_components/SpecFields";
import { useTRPC } from "../../_trpc/client";
import { FormModal } from "../../_components/FormModal";
import { QueryTable } from "../../_components/QueryTable";

interface EntryValues {
  name: string;
  ownerRegionCode: string;
  validFrom: Dayjs;
  details: Record<string, unknown>;
}

function describe(details: Record<string, unknown>, catalogue: Catalogue) {
  return CATALOGUE_FIELDS[catalogue]
    .filter((f) => details[f.key] !== undefined && details[f.key] !== "")
    .map(
      (f) =>
        `${f.label}：${typeof details[f.key] === "boolean" ? (details[f.key] ? "是" : "否") : String(details[f.key])}`,
    )
    .join("；");
}

export function CatalogueTable({
  catalogue,
  regionCode,
  canEdit,
}: {
  catalogue: Catalogue;
  regionCode: string;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const entries = useQuery(trpc.catalogue.list.queryOptions({ catalogue, regionCode }));
  const [editing, setEditing] = useState<Partial<EntryValues> | null>(null);
  const [retiring, setRetiring] = useState<{ itemKey: string; name: string } | null>(null);
  const [retireDate, setRetireDate] = useState<Dayjs | null>(dayjs());
  const [historyKey, setHistoryKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<EntryValues>();
  const history = useQuery({
    ...trpc.catalogue.history.queryOptions({ itemKey: historyKey ?? "" }),
    enabled: Boolean(historyKey),
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.catalogue.pathKey() });
  const save = useMutation(
    trpc.catalogue.save.mutationOptions({
      onSuccess: async (result) => {
        message.success(
          `已保存，重新判定 ${result.reclassified.checked} 条记录，其中 ${result.reclassified.changed} 条结论改变`,
        );
        setEditing(null);
        await refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const retire = useMutation(
    trpc.catalogue.retire.mutationOptions({
      onSuccess: async (result) => {
        message.success(`已停用，${result.changed} 条记录的判定结论改变`);
        setRetiring(null);
        await refresh();
      },
      onError: (e) => message.error(e.message),
    }),
  );

  const info = CATALOGUE_INFO[catalogue];
  const level = levelOfCode(regionCode);
  const ownerDefault = level !== null && info.ownerLevels.includes(level) ? regionCode : undefined;

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {canEdit && (
          <Button
            type="primary"
            onClick={() => {
              setError(null);
              setEditing({ ownerRegionCode: ownerDefault, validFrom: dayjs(), details: {} });
            }}
          >
            新增条目
          </Button>
        )}
        <span style={{ color: "#888" }}>
          设定层级：{info.ownerLevels.map((l) => ["", "省级", "地级", "县级"][l]).join("、")}
        </span>
      </Space>
      <QueryTable
        query={entries}
        rowKey="itemKey"
        data-testid={`catalogue-${catalogue}`}
        columns={[
          { title: "名称", dataIndex: "name" },
          { title: "设定区划", dataIndex: "ownerName" },
          { title: "部门", dataIndex: "departmentName", render: (v: string | null) => v ?? "—" },
          { title: "内容", key: "details", render: (_, r) => describe(r.details, catalogue) || "—" },
          { title: "版本", dataIndex: "version", width: 70, render: (v: number) => `第${v}版` },
          { title: "生效", dataIndex: "validFrom", render: (d: Date) => formatDate(d) },
          { title: "停用", dataIndex: "validTo", render: (d: Date | null) => (d ? formatDate(d) : "—") },
          {
            title: "状态",
            dataIndex: "inForce",
            width: 80,
            render: (v: boolean) => (v ? <Tag color="green">现行</Tag> : <Tag>未生效/已停用</Tag>),
          },
          {
            title: "操作",
            key: "actions",
            render: (_, r) => (
              <Space size="small">
                {canEdit && r.ownerRegionCode !== "" && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => {
                      setError(null);
                      setEditing({
                        name: r.name,
                        ownerRegionCode: r.ownerRegionCode,
                        validFrom: dayjs(),
                        details: r.details,
                      });
                    }}
                  >
                    新版本
                  </Button>
                )}
                {canEdit && r.ownerRegionCode !== "" && !r.validTo && (
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setRetiring({ itemKey: r.itemKey, name: r.name })}
                  >
                    停用
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setHistoryKey(r.itemKey)}>
                  历史
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<EntryValues>
          title={`${info.name}：${editing.name ? "新版本" : "新增条目"}`}
          pending={save.isPending}
          error={error}
          form={form}
          initialValues={editing}
          onCancel={() => setEditing(null)}
          onFinish={(v) =>
            save.mutate({
              catalogue,
              ownerRegionCode: v.ownerRegionCode,
              name: v.name,
              validFrom: v.validFrom.startOf("day").toDate(),
              details: compactDetails(v.details),
            })
          }
        >
          <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: "请填写名称" }]}>
            <Input maxLength={200} disabled={Boolean(editing.name)} />
          </Form.Item>
          <Form.Item label="设定区划" name="ownerRegionCode" rules={[{ required: true, message: "请选择设定区划" }]}>
            <RegionPicker onChange={(code) => form.setFieldValue("ownerRegionCode", code)} />
          </Form.Item>
          <Form.Item label="生效日期" name="validFrom" rules={[{ required: true, message: "请选择生效日期" }]}>
            <DatePicker />
          </Form.Item>
          <SpecFields specs={CATALOGUE_FIELDS[catalogue]} />
        </FormModal>
      )}
      {retiring && (
        <Modal
          open
          title={`停用“${retiring.name}”`}
          okText="确认停用"
          okButtonProps={{ danger: true, disabled: !retireDate }}
          confirmLoading={retire.isPending}
          onCancel={() => setRetiring(null)}
          onOk={() =>
            retireDate && retire.mutate({ itemKey: retiring.itemKey, validTo: retireDate.startOf("day").toDate() })
          }
        >
          <Space>
            停用日期：
            <DatePicker value={retireDate} onChange={setRetireDate} />
          </Space>
        </Modal>
      )}
      {historyKey && (
        <Modal open title="版本历史" footer={null} onCancel={() => setHistoryKey(null)}>
          <Timeline
            items={(history.data ?? []).map((v) => ({
              content: `第${v.version}版：${formatDate(v.validFrom)} 起${v.validTo ? `，${formatDate(v.validTo)} 止` : ""}；${describe(v.details, catalogue) || "无附加信息"}`,
            }))}
          />
        </Modal>
      )}
    </>
  );
}
