"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Drawer, Form, InputNumber, Skeleton, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { BURDEN_KINDS, BURDEN_KIND_NAMES } from "@/server/domain/burdenKinds";
import type { MinutesConfig } from "@/server/domain/metrics";
import type { Weights } from "@/server/domain/scoring";
import { formatDateTime, formatPeriod, toPeriod } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import { DEFAULT_MINUTES_PER_FIELD_ENTRY } from "@/server/domain/formOverlap/repeatedEntry";
import { RowsTable } from "../../_components/QueryTable";

interface Values {
  weights: Weights;
  minutes: MinutesConfig;
  baseline: Dayjs;
}

/** Weights, standard minutes and the baseline month for scores under one region; saved as a new version. */
export function ScoreSettingsDrawer({
  regionCode,
  regionName,
  onClose,
}: {
  regionCode: string;
  regionName: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const settings = useQuery(trpc.scoreSettings.get.queryOptions({ regionCode }));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.scoreSettings.save.mutationOptions({
      onSuccess: async () => {
        message.success("评分设置已保存为新版本");
        await Promise.all(
          [trpc.scoreSettings, trpc.ranking, trpc.metrics].map((r) =>
            queryClient.invalidateQueries({ queryKey: r.pathKey() }),
          ),
        );
        onClose();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const current = settings.data?.current;
  return (
    <Drawer open title={`评分设置 · ${regionName}`} size={520} onClose={onClose}>
      {!current ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          layout="vertical"
          initialValues={{
            weights: current.weights,
            minutes: { FIELD_ENTRY: DEFAULT_MINUTES_PER_FIELD_ENTRY, ...current.minutes },
            baseline: dayjs(`${Math.floor(current.baselinePeriod / 100)}-${current.baselinePeriod % 100}-01`),
          }}
          onFinish={(v) =>
            save.mutate({ regionCode, weights: v.weights, minutes: v.minutes, baselinePeriod: toPeriod(v.baseline) })
          }
        >
          <Typography.Paragraph type="secondary">
            当前
            {current.version
              ? `为${current.ownerRegionCode === regionCode ? "本级" : "上级"}设置第 ${current.version} 版`
              : "为默认设置（等权重、默认标准工时）"}
            。目标值（高位取同级 95 百分位）冻结于基准月份，以便不同月份的得分可比。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item label="基准月份" name="baseline" rules={[{ required: true, message: "请选择基准月份" }]}>
            <DatePicker picker="month" />
          </Form.Item>
          <RowsTable
            rowKey="kind"
            dataSource={[
              ...BURDEN_KINDS.map((kind) => ({ kind, name: BURDEN_KIND_NAMES[kind] })),
              { kind: "MECHANISM_POST", name: "专人专岗（每月）" },
              { kind: "FIELD_ENTRY", name: "一表通：重复填写每个字段" },
            ]}
            columns={[
              { title: "类别", dataIndex: "name" },
              {
                title: "权重",
                key: "w",
                render: (_, r) =>
                  r.kind === "MECHANISM_POST" || r.kind === "FIELD_ENTRY" ? (
                    "—"
                  ) : (
                    <Form.Item name={["weights", r.kind]} noStyle rules={[{ required: true }]}>
                      <InputNumber min={0} max={10} step={0.5} />
                    </Form.Item>
                  ),
              },
              {
                title: "标准工时（分钟/单位）",
                key: "m",
                render: (_, r) => (
                  <Form.Item name={["minutes", r.kind]} noStyle rules={[{ required: true }]}>
                    <InputNumber min={0} max={10000} step={r.kind === "FIELD_ENTRY" ? 0.5 : 1} />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            style={{ marginTop: 16 }}
            data-testid="save-score-settings"
          >
            保存为新版本
          </Button>
          {settings.data!.versions.length > 0 && (
            <RowsTable
              style={{ marginTop: 24 }}
              title={() => "历史版本"}
              dataSource={settings.data!.versions}
              columns={[
                { title: "版本", dataIndex: "version" },
                { title: "基准月份", dataIndex: "baselinePeriod", render: (p: number) => formatPeriod(p) },
                { title: "保存时间", dataIndex: "createdAt", render: (d: Date) => formatDateTime(d) },
              ]}
            />
          )}
        </Form>
      )}
    </Drawer>
  );
}
