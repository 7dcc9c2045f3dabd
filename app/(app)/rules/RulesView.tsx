"use client";

import { can } from "../../_components/can";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, InputNumber, Select, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { LEVEL_NAMES, type RegionLevel } from "@/server/domain/regions";
import {
  RULE_PERIOD_LIMITS,
  RULE_TYPE_NAMES,
  type RulePeriodField,
  SEVERITY_NAMES,
  type RuleType,
  type Severity,
} from "@/server/domain/alerts";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { optionsOf } from "../../_components/options";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useTRPC } from "../../_trpc/client";
import { describeRule } from "@/server/domain/ruleWords";
import { ClauseCoverageCard } from "./ClauseCoverageCard";
import { EscalationCard } from "./EscalationCard";
import { FormModal } from "../../_components/FormModal";
import { RowsTable } from "../../_components/QueryTable";

type RuleRow = {
  ruleKey: string;
  name: string;
  type: RuleType;
  burdenKind: string | null;
  clause: number | null;
  severity: Severity;
  appliesToLevel: number;
  enterThreshold: number;
  exitThreshold: number;
  pendingPeriods: number;
  recoveryPeriods: number;
  enabled: boolean;
  version: number;
  regionCode: string;
};

/** The two period counts of a rule, their limits from the domain (the server checks the same ones). */
const PERIOD_FIELDS: { field: RulePeriodField; tooltip: string; testId: string }[] = [
  { field: "pendingPeriods", tooltip: "连续超过触发阈值满这么多个月才告警；0 表示当月即告警", testId: "rule-pending" },
  { field: "recoveryPeriods", tooltip: "连续不高于恢复阈值满这么多个月，本次发作才算恢复", testId: "rule-recovery" },
];

export function RulesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { me, region, setRegionCode } = useRegionChoice();
  const rules = useQuery({ ...trpc.rule.list.queryOptions({ regionCode: region ?? "" }), enabled: Boolean(region) });
  const [editing, setEditing] = useState<RuleRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  // Plain words first; thresholds and statistics behind 详情.
  const [details, setDetails] = useState(false);
  const save = useMutation(
    trpc.rule.save.mutationOptions({
      onSuccess: async () => {
        message.success("规则已保存为新版本");
        setEditing(null);
        await queryClient.invalidateQueries({ queryKey: trpc.rule.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const canEdit = can(me, "rule.save");
  return (
    <PageStack>
      <FilterBar region={region} onRegionChange={setRegionCode}>
        <Space>
          <Switch checked={details} onChange={setDetails} data-testid="rule-details" aria-label="显示统计详情" />
          <Typography.Text>显示详情（阈值与统计方法）</Typography.Text>
        </Space>
      </FilterBar>
      <Card title="预警规则">
        <RowsTable<RuleRow>
          rowKey="ruleKey"
          loading={rules.isLoading}
          dataSource={(rules.data ?? []) as RuleRow[]}
          data-testid="rules-table"
          columns={[
            {
              title: "规则",
              dataIndex: "name",
              render: (_: string, r) => {
                const words = describeRule(r);
                return (
                  <div>
                    <div>{words.plain}</div>
                    {details && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.name}。{words.detail}
                      </Typography.Text>
                    )}
                  </div>
                );
              },
            },
            { title: "类型", dataIndex: "type", render: (t: RuleType) => RULE_TYPE_NAMES[t] },
            { title: "级别", dataIndex: "severity", render: (s: Severity) => SEVERITY_NAMES[s] },
            {
              title: "启用",
              dataIndex: "enabled",
              render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
            },
            ...(details
              ? [
                  {
                    title: "适用层级",
                    dataIndex: "appliesToLevel",
                    render: (l: number) => LEVEL_NAMES[l as RegionLevel],
                  },
                  {
                    title: "触发阈值",
                    dataIndex: "enterThreshold",
                    align: "right" as const,
                    render: (v: number) => Number(v.toFixed(2)),
                  },
                  {
                    title: "恢复阈值",
                    dataIndex: "exitThreshold",
                    align: "right" as const,
                    render: (v: number) => Number(v.toFixed(2)),
                  },
                  { title: "待定期数（月）", dataIndex: "pendingPeriods", align: "right" as const },
                  { title: "恢复期数（月）", dataIndex: "recoveryPeriods", align: "right" as const },
                  {
                    title: "来源",
                    key: "source",
                    render: (_: unknown, r: RuleRow) => (r.regionCode === "" ? "全国默认" : `本辖区第${r.version}版`),
                  },
                ]
              : []),
            ...(canEdit
              ? [
                  {
                    title: "操作",
                    key: "edit",
                    render: (_: unknown, r: RuleRow) => (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => {
                          setError(null);
                          setEditing(r);
                        }}
                      >
                        调整阈值与期数
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <EscalationCard canEdit={can(me, "rule.saveEscalation")} />
      <ClauseCoverageCard />
      {editing && region && (
        <FormModal
          title={`调整：${editing.name}`}
          okText="保存为本辖区新版本"
          pending={save.isPending}
          error={error}
          form={form}
          initialValues={editing}
          onCancel={() => setEditing(null)}
          onFinish={(v) => {
            setError(null);
            save.mutate({ regionCode: region, ruleKey: editing.ruleKey, ...v });
          }}
        >
          <Form.Item label="级别" name="severity">
            <Select options={optionsOf(SEVERITY_NAMES)} />
          </Form.Item>
          <Space>
            <Form.Item label="触发阈值" name="enterThreshold" rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="恢复阈值" name="exitThreshold" rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            {PERIOD_FIELDS.map(({ field, tooltip, testId }) => (
              <Form.Item
                key={field}
                label={`${RULE_PERIOD_LIMITS[field].name}（月）`}
                name={field}
                tooltip={tooltip}
                rules={[{ required: true, message: `请填写${RULE_PERIOD_LIMITS[field].name}` }]}
              >
                <InputNumber
                  min={RULE_PERIOD_LIMITS[field].min}
                  max={RULE_PERIOD_LIMITS[field].max}
                  precision={0}
                  data-testid={testId}
                />
              </Form.Item>
            ))}
          </Space>
          <Form.Item label="启用" name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
    </PageStack>
  );
}
