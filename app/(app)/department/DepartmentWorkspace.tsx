"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Row, Skeleton, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { formatDate, formatDecimal, formatPeriod } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import { ItemDrawer } from "../rectification/ItemDrawer";
import { ItemStateTag } from "../rectification/ItemStateTag";
import { percent } from "../rectification/labels";
import { useRectificationLive } from "../rectification/useRectificationLive";
import { SelfCheckCard } from "./SelfCheckCard";
import { StatCard } from "../../_components/StatCard";
import { RowsTable } from "../../_components/QueryTable";
import { PageStack } from "../../_components/PageStack";

const ADMISSION_STATUS: Record<string, [string, string]> = {
  PENDING: ["待审批", "orange"],
  APPROVED: ["已批准", "green"],
  REJECTED: ["已驳回", "red"],
};

/** 本部门: the department account's landing page. */
export function DepartmentWorkspace() {
  const trpc = useTRPC();
  useRectificationLive();
  const ws = useQuery(trpc.department.workspace.queryOptions());
  const [openId, setOpenId] = useState<string | null>(null);
  if (ws.error) return <Alert type="error" showIcon title={ws.error.message} />;
  if (!ws.data) return <Skeleton active />;
  const d = ws.data;
  const overdue = d.items.filter((i) => i.overdue).length;
  const kinds = d.thisYear
    .map((y, i) => ({ ...y, month: d.thisMonth[i]! }))
    .filter((k) => k.records > 0 || k.month.records > 0);

  return (
    <PageStack>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {d.department.name}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <StatCard
          md={6}
          title={`待办整改事项（逾期 ${overdue}）`}
          value={d.items.length}
          styles={{ content: overdue ? { color: "#cf1322" } : undefined }}
        />
        <StatCard md={6} title="本年违规事项" value={d.thisYear.reduce((s, k) => s + k.violations, 0)} />
        <StatCard
          md={6}
          title={`部门负担排行（共 ${d.league.of} 个部门，第1名负担最重）`}
          value={d.league.rank ? `第 ${d.league.rank} 名` : "—"}
        />
        <StatCard
          md={6}
          title="整改率 / 按期整改率"
          value={`${percent(d.league.rectificationRate)} / ${percent(d.league.onTimeRate)}`}
        />
      </Row>

      <Card title="待办整改事项" extra="逾期事项排在最前，点击办理">
        <RowsTable
          dataSource={d.items}
          data-testid="department-items"
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" } })}
          locale={{ emptyText: "暂无待办整改事项" }}
          columns={[
            { title: "事项", dataIndex: "title" },
            { title: "条款", dataIndex: "clause", width: 70, render: (c: number) => `第${c}条` },
            { title: "整改要求", dataIndex: "actionName", width: 170 },
            { title: "整改期限", dataIndex: "deadline", width: 130, render: (v: Date) => formatDate(v) },
            { title: "状态", key: "state", width: 200, render: (_, r) => <ItemStateTag item={r} /> },
          ]}
        />
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={`向村（社区）下达的事项（${formatPeriod(d.month)} / 本年）`}>
            <RowsTable
              rowKey="kind"
              dataSource={kinds}
              locale={{ emptyText: "本年暂无记录" }}
              columns={[
                { title: "类别", dataIndex: "kind", render: (k: BurdenKind) => BURDEN_KIND_NAMES[k] },
                { title: "本月", key: "m", align: "right", render: (_, k) => k.month.records },
                { title: "本年", dataIndex: "records", align: "right" },
                {
                  title: "本年违规",
                  dataIndex: "violations",
                  align: "right",
                  render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
                },
                { title: "其中部门自报", dataIndex: "selfReported", align: "right" },
              ]}
            />
            <Typography.Text type="secondary">
              本年负担工时 {formatDecimal(d.league.hours)} 小时；违规 {formatDecimal(d.league.violationUnits)} 项·村
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="准入申请">
            <RowsTable
              dataSource={d.admissions}
              locale={{ emptyText: "暂无准入申请，可在“目录与准入”提交" }}
              columns={[
                { title: "事项", dataIndex: "name" },
                { title: "提交日期", dataIndex: "createdAt", render: (v: Date) => formatDate(v) },
                {
                  title: "状态",
                  dataIndex: "status",
                  render: (s: string, a) => (
                    <Tag color={ADMISSION_STATUS[s]?.[1]} title={a.decisionReason ?? undefined}>
                      {ADMISSION_STATUS[s]?.[0] ?? s}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <SelfCheckCard regionCode={d.department.regionCode} />

      <Card title="本年违规事项">
        <Table
          size="small"
          rowKey="id"
          dataSource={d.violations}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: "月份", dataIndex: "period", width: 100, render: (p: number) => formatPeriod(p) },
            { title: "类别", dataIndex: "kind", width: 150, render: (k: BurdenKind) => BURDEN_KIND_NAMES[k] },
            { title: "事项", dataIndex: "title" },
            {
              title: "问题",
              dataIndex: "violations",
              render: (v: { reason: string }[] | null) => v?.map((x) => x.reason).join("；"),
            },
          ]}
        />
      </Card>
      {openId && <ItemDrawer id={openId} onClose={() => setOpenId(null)} />}
    </PageStack>
  );
}
