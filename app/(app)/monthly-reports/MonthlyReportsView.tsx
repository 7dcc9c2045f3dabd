"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { can } from "@/server/api/permissions";
import { formatDateTime, formatPeriod, toPeriod } from "../../_components/format";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useTRPC } from "../../_trpc/client";
import { QueryTable } from "../../_components/QueryTable";

export function MonthlyReportsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { me, region, setRegionCode } = useRegionChoice();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, "month"));
  const [error, setError] = useState<string | null>(null);
  const canGenerate = can(me, "monthlyReport.generate");
  const reports = useQuery({
    ...trpc.monthlyReport.list.queryOptions({ regionCode: region ?? "" }),
    enabled: Boolean(region),
  });
  const generate = useMutation(
    trpc.monthlyReport.generate.mutationOptions({
      onSuccess: async (r) => {
        setError(null);
        message.success(`已生成：${r.fileName}`);
        await queryClient.invalidateQueries({ queryKey: trpc.monthlyReport.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );

  return (
    <PageStack>
      <FilterBar
        region={region}
        onRegionChange={setRegionCode}
        footer={
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            每月初系统自动为各监测辖区生成上月的《村级组织减负监测报告》；已生成的报告不再改动，重新生成会保存为新版本。报告含总体情况、排名、主要问题、预警处置、通报曝光与整改和下一步建议，附趋势图和分类图表。
          </Typography.Paragraph>
        }
      >
        <DatePicker
          picker="month"
          value={month}
          onChange={(d) => d && setMonth(d)}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), "month")}
          data-testid="report-month"
        />
        {canGenerate && (
          <Button
            type="primary"
            loading={generate.isPending}
            disabled={!region}
            onClick={() => region && generate.mutate({ regionCode: region, period: toPeriod(month) })}
            data-testid="generate-report"
          >
            生成月报（Word）
          </Button>
        )}
      </FilterBar>
      {error && <Alert type="error" showIcon title={error} />}
      <Card title="月报存档">
        <QueryTable
          query={reports}
          size="middle"
          pagination={{ pageSize: 20 }}
          scroll={{ x: 720 }}
          columns={[
            { title: "月份", dataIndex: "period", render: (p: number) => formatPeriod(p) },
            { title: "地区", dataIndex: "regionName" },
            { title: "版本", dataIndex: "version", render: (v: number) => `第${v}版` },
            {
              title: "生成方式",
              dataIndex: "trigger",
              render: (t: string) => (t === "SCHEDULED" ? <Tag color="blue">月末自动</Tag> : <Tag>手动</Tag>),
            },
            { title: "生成人", dataIndex: "createdByName" },
            { title: "生成时间", dataIndex: "createdAt", render: (d: Date) => formatDateTime(d) },
            { title: "大小", dataIndex: "sizeBytes", render: (n: number) => `${Math.max(1, Math.round(n / 1024))} KB` },
            {
              title: "操作",
              key: "download",
              render: (_: unknown, r: { id: string; fileName: string }) => (
                <a href={`/api/monthly-reports/${r.id}`} download={r.fileName} data-testid="download-report">
                  下载 Word
                </a>
              ),
            },
          ]}
        />
      </Card>
    </PageStack>
  );
}
