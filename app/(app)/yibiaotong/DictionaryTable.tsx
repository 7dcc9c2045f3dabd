"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Select, Space, Table, Tag, Typography } from "antd";
import { useTRPC } from "../../_trpc/client";

const STATUS: Record<string, { label: string; color: string }> = {
  UNMAPPED: { label: "待映射", color: "orange" },
  UNIQUE: { label: "独有数据项", color: "purple" },
  MAPPED: { label: "已映射", color: "green" },
  STRUCTURAL: { label: "非数据字段", color: "default" },
};
const METHOD: Record<string, string> = {
  override: "监测员设定",
  synonym: "同义词表",
  head: "中心词",
  similar: "相似度",
  none: "",
};

/** The county's field names and their data items; monitors map the open ones or mark them unique (versioned, audited). */
export function DictionaryTable({ countyCode, canEdit }: { countyCode: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const dictionary = useQuery(trpc.formOverlap.dictionary.queryOptions({ regionCode: countyCode }));
  const setMapping = useMutation(
    trpc.formOverlap.setMapping.mutationOptions({
      onSuccess: async (saved) => {
        message.success(`已保存映射（第 ${saved.version} 版）`);
        await queryClient.invalidateQueries({ queryKey: trpc.formOverlap.pathKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const items = dictionary.data?.items ?? [];
  const groups = [...new Set(items.map((i) => i.group))];
  const options = groups.map((g) => ({
    label: g,
    options: items.filter((i) => i.group === g).map((i) => ({ value: i.key, label: i.label })),
  }));
  return (
    <Table
      size="small"
      rowKey="field"
      loading={dictionary.isLoading}
      dataSource={dictionary.data?.rows ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="dictionary-table"
      columns={[
        { title: "字段名称", dataIndex: "field" },
        {
          title: "状态",
          dataIndex: "status",
          render: (s: string) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.label ?? s}</Tag>,
        },
        {
          title: "数据项",
          dataIndex: "itemLabel",
          render: (l: string | null, r) =>
            l ? (
              <Space>
                {l}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {METHOD[r.method]}
                </Typography.Text>
              </Space>
            ) : r.suggestion ? (
              <Typography.Text type="secondary">建议：{r.suggestion}</Typography.Text>
            ) : (
              "—"
            ),
        },
        {
          title: "使用表格数",
          dataIndex: "forms",
          width: 90,
          render: (f: string[]) => <span title={f.join("、")}>{f.length}</span>,
        },
        ...(canEdit
          ? [
              {
                title: "设定",
                key: "set",
                width: 320,
                render: (_: unknown, r: NonNullable<typeof dictionary.data>["rows"][number]) =>
                  r.status === "STRUCTURAL" ? null : (
                    <Space>
                      <Select
                        size="small"
                        style={{ width: 170 }}
                        showSearch
                        optionFilterProp="label"
                        placeholder="映射到数据项"
                        value={r.status === "MAPPED" ? (r.itemKey ?? undefined) : undefined}
                        options={options}
                        onChange={(itemKey: string) =>
                          setMapping.mutate({ regionCode: countyCode, fieldName: r.field, itemKey })
                        }
                      />
                      <Button
                        size="small"
                        disabled={r.status === "UNIQUE"}
                        onClick={() => setMapping.mutate({ regionCode: countyCode, fieldName: r.field, itemKey: null })}
                      >
                        标为独有
                      </Button>
                    </Space>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
