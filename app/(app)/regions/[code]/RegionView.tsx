"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, Col, Descriptions, Result, Row, Skeleton, Statistic, Table, Tag, Typography } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { trpcErrorCode } from "../../../_components/errors";
import { PageStack } from "../../../_components/PageStack";
import { RegionPicker } from "../../../_components/RegionPicker";
import { useTRPC } from "../../../_trpc/client";
import { RegionMetricsPanel } from "./RegionMetricsPanel";
import { RegionRectificationCard } from "../../rectification/RegionRectificationCard";
import { RepeatedEntryCard } from "../../yibiaotong/RepeatedEntryCard";
import { RowsTable } from "../../../_components/QueryTable";

const numberFormat = new Intl.NumberFormat("zh-CN");

export function RegionView({ code, period }: { code: string; period?: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const detail = useQuery(trpc.region.detail.queryOptions({ regionCode: code }));

  const picker = (
    <RegionPicker
      value={code}
      onChange={(next) => router.push(`/regions/${next}${period ? `?period=${period}` : ""}`)}
    />
  );

  if (detail.error) {
    const codeOfError = trpcErrorCode(detail.error);
    return (
      <PageStack>
        {picker}
        <Result
          status={codeOfError === "FORBIDDEN" ? "403" : codeOfError === "NOT_FOUND" ? "404" : "error"}
          title={codeOfError === "FORBIDDEN" ? "无权访问" : codeOfError === "NOT_FOUND" ? "区划不存在" : "加载失败"}
          subTitle={detail.error.message}
        />
      </PageStack>
    );
  }
  if (!detail.data) return <Skeleton active />;

  const { region, path, children, recordsByKind } = detail.data;
  const totalRecords = recordsByKind.reduce((sum, k) => sum + k.records, 0);
  const totalViolations = recordsByKind.reduce((sum, k) => sum + k.violations, 0);
  const counts = [
    { title: "村（村委会）", value: region.villageCount },
    { title: "社区（居委会）", value: region.communityCount },
    { title: "负担记录（条）", value: totalRecords },
    { title: "其中违规（条）", value: totalViolations, danger: true },
  ];

  return (
    <PageStack>
      {picker}
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="region-name">
          {region.name}
        </Typography.Title>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="区划代码">{region.code}</Descriptions.Item>
          <Descriptions.Item label="层级">{region.levelName}</Descriptions.Item>
          <Descriptions.Item label="所属">
            {path
              .slice(0, -1)
              .map((p) => p.name)
              .join(" / ") || "—"}
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={24} style={{ marginTop: 16 }}>
          {counts.map((c) => (
            <Col span={6} key={c.title}>
              <Statistic
                title={c.title}
                value={c.value}
                formatter={(v) => numberFormat.format(Number(v))}
                styles={c.danger ? { content: { color: "#b71c1c" } } : undefined}
              />
            </Col>
          ))}
        </Row>
      </Card>

      <RegionMetricsPanel code={code} period={period} />
      <RegionRectificationCard code={code} />
      <RepeatedEntryCard regionCode={code} />

      {children.length > 0 && (
        <Card title={`下级区划（${children.length} 个）`}>
          <Table
            size="small"
            rowKey="code"
            dataSource={children}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            data-testid="children-table"
            columns={[
              {
                title: "名称",
                dataIndex: "name",
                render: (name: string, row) => <Link href={`/regions/${row.code}`}>{name}</Link>,
              },
              { title: "区划代码", dataIndex: "code" },
              {
                title: "类型",
                dataIndex: "unitKind",
                render: (kind: string | null, row) =>
                  kind ? (
                    <Tag color={kind === "COMMUNITY" ? "blue" : "green"}>{kind === "COMMUNITY" ? "社区" : "村"}</Tag>
                  ) : (
                    row.levelName
                  ),
              },
              { title: "村", dataIndex: "villageCount", align: "right", render: (v: number) => numberFormat.format(v) },
              {
                title: "社区",
                dataIndex: "communityCount",
                align: "right",
                render: (v: number) => numberFormat.format(v),
              },
            ]}
          />
        </Card>
      )}

      <Card title="负担记录（按类别，含上级下达覆盖本地的记录）">
        <RowsTable
          rowKey="kind"
          dataSource={recordsByKind}
          data-testid="records-by-kind"
          columns={[
            { title: "类别", dataIndex: "kindName" },
            { title: "记录数", dataIndex: "records", align: "right", render: (v: number) => numberFormat.format(v) },
            { title: "违规数", dataIndex: "violations", align: "right", render: (v: number) => numberFormat.format(v) },
          ]}
        />
      </Card>
    </PageStack>
  );
}
