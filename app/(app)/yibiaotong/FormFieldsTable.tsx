"use client";

import { UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Input, Modal, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { formatNumber } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import type { CountyView } from "./types";

type Source = "LIST" | "UPLOAD";

/** Forms of a county with their field lists; monitors type a list or read it from an uploaded blank form. */
export function FormFieldsTable({ view, canEdit }: { view: CountyView; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ title: string; text: string; source: Source; isNew: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const save = useMutation(
    trpc.formOverlap.saveFields.mutationOptions({
      onSuccess: async (saved) => {
        message.success(`已保存《${saved.title}》的字段（第 ${saved.version} 版）`);
        setEditing(null);
        // A new form has no fillings yet and sorts to the last page: show the one just saved.
        setSearch(saved.title);
        await queryClient.invalidateQueries({ queryKey: trpc.formOverlap.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const upload = async (file: File) => {
    setError(null);
    const body = new FormData();
    body.append("file", file);
    const response = await fetch("/api/yibiaotong/blank-form", { method: "POST", body });
    const json = (await response.json()) as { fields?: string[]; error?: string };
    if (!response.ok || !json.fields) {
      setError(json.error ?? "读取空白表格失败");
      return;
    }
    setEditing(
      (e) =>
        e && {
          ...e,
          text: json.fields!.join("\n"),
          source: "UPLOAD",
          title: e.title || file.name.replace(/\.(xlsx|docx)$/i, ""),
        },
    );
    message.success(`从空白表格读出 ${json.fields.length} 个字段，请核对后保存`);
  };
  const needle = search.trim();
  const shown = needle
    ? view.forms.filter(
        (f) => f.title.includes(needle) || f.department?.includes(needle) || f.fields.some((x) => x.includes(needle)),
      )
    : view.forms;
  return (
    <>
      {canEdit && (
        <Button
          style={{ marginBottom: 12 }}
          onClick={() => {
            setError(null);
            setEditing({ title: "", text: "", source: "LIST", isNew: true });
          }}
          data-testid="form-add"
        >
          登记表格字段
        </Button>
      )}
      {view.formsWithoutFields.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${view.formsWithoutFields.length} 张表格尚未登记字段，未参与比对：${view.formsWithoutFields.join("、")}`}
        />
      )}
      <Input.Search
        allowClear
        placeholder="按表格名称、部门或字段查找"
        aria-label="查找表格"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 12, display: "block" }}
        data-testid="form-search"
      />
      <Table
        size="small"
        rowKey="key"
        dataSource={shown}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        data-testid="form-table"
        columns={[
          {
            title: "表格",
            dataIndex: "title",
            render: (t: string, f) => (
              <Space>
                {t}
                {f.planned && <Tag>按目录频次计</Tag>}
              </Space>
            ),
          },
          { title: "部门", dataIndex: "department", render: (d: string | null) => d ?? "—" },
          {
            title: "字段",
            dataIndex: "fields",
            render: (fields: string[]) => (
              <Typography.Text style={{ fontSize: 12 }}>{fields.join("、")}</Typography.Text>
            ),
          },
          { title: "数据项", dataIndex: "itemCount", width: 70 },
          {
            title: "每年填报（村·次）",
            dataIndex: "fillings",
            width: 110,
            render: formatNumber,
            sorter: (a, b) => a.fillings - b.fillings,
          },
          {
            title: "重复填写字段（村·次）",
            dataIndex: "repeatedEntries",
            width: 130,
            render: formatNumber,
            sorter: (a, b) => a.repeatedEntries - b.repeatedEntries,
            defaultSortOrder: "descend",
          },
          ...(canEdit
            ? [
                {
                  title: "操作",
                  key: "edit",
                  width: 70,
                  render: (_: unknown, f: CountyView["forms"][number]) => (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => {
                        setError(null);
                        setEditing({ title: f.title, text: f.fields.join("\n"), source: "LIST", isNew: false });
                      }}
                    >
                      修改字段
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <Modal
          open
          width={640}
          title={editing.isNew ? "登记表格字段" : `修改字段：${editing.title}`}
          okText="保存"
          confirmLoading={save.isPending}
          onCancel={() => setEditing(null)}
          onOk={() => {
            setError(null);
            save.mutate({
              regionCode: view.countyCode,
              title: editing.title,
              fields: editing.text.split(/\n/),
              source: editing.source,
            });
          }}
        >
          <Space orientation="vertical" style={{ width: "100%" }}>
            {error && <Alert type="error" showIcon title={error} />}
            {editing.isNew && (
              <Input
                placeholder="表格名称"
                value={editing.title}
                maxLength={100}
                onChange={(e) => setEditing({ ...editing, title: e.target.value })}
                data-testid="form-title"
              />
            )}
            <Upload
              accept=".xlsx,.docx"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="blank-form-upload">
                从空白表格读取（.xlsx / .docx）
              </Button>
            </Upload>
            <Typography.Text type="secondary">
              每行一个字段；也可用 、，；/ 分隔。上传空白表格时读取第一个工作表（或 Word
              第一个表格）的表头，支持合并单元格和两行表头。
            </Typography.Text>
            <Input.TextArea
              rows={12}
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value, source: editing.source })}
              data-testid="form-fields"
            />
          </Space>
        </Modal>
      )}
    </>
  );
}
