"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, Card, Checkbox, Table, Typography } from "antd";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { formatDate } from "../../_components/format";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { FilterSelect } from "../../_components/FilterSelect";
import type { RectificationState } from "@/server/domain/rectification";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useTRPC } from "../../_trpc/client";
import { ItemDrawer } from "./ItemDrawer";
import { ItemStateTag } from "./ItemStateTag";
import { STATE_OPTIONS } from "./labels";
import { RateSummary, RateTables } from "./RateCards";
import { useRectificationLive } from "./useRectificationLive";

const CLAUSE_OPTIONS = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => ({ value: c, label: `第${c}条` }));

/** 整改: every item of the jurisdiction, filtered, with the rates that matter. */
export function RectificationView() {
  const trpc = useTRPC();
  const { me, region, setRegionCode } = useRegionChoice();
  useRectificationLive();
  const [states, setStates] = useState<RectificationState[]>([]);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [clause, setClause] = useState<number | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [openId, setOpenId] = useState<string | null>(useSearchParams().get("item"));
  const items = useQuery({
    ...trpc.rectification.list.queryOptions({ regionCode: region ?? "", states, departmentId, clause, overdue }),
    enabled: Boolean(region),
  });
  const stats = useQuery({
    ...trpc.rectification.stats.queryOptions({ regionCode: region ?? "" }),
    enabled: Boolean(region) && me?.role !== "department",
  });
  const departments = useQuery({
    ...trpc.record.departments.queryOptions({ regionCode: region ?? "" }),
    enabled: Boolean(region) && me?.role !== "department",
  });

  return (
    <PageStack>
      <FilterBar region={region} onRegionChange={setRegionCode}>
        <FilterSelect
          label="状态"
          mode="multiple"
          style={{ minWidth: 180 }}
          value={states}
          onChange={setStates}
          options={STATE_OPTIONS}
          data-testid="filter-state"
        />
        {me?.role !== "department" && (
          <FilterSelect
            label="责任部门"
            width={220}
            showSearch={{ optionFilterProp: "label" }}
            value={departmentId}
            onChange={setDepartmentId}
            options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <FilterSelect label="条款" width={120} value={clause} onChange={setClause} options={CLAUSE_OPTIONS} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="filter-overdue">
          仅看逾期
        </Checkbox>
        {me?.role !== "department" && (
          <Button href={`/api/rectification/export?regionCode=${region ?? ""}`}>导出整改率 Excel</Button>
        )}
      </FilterBar>
      {stats.data && <RateSummary total={stats.data.total} />}
      <Card
        title={`整改事项${items.data ? `（${items.data.length} 项）` : ""}`}
        extra={
          <Typography.Text type="secondary">逾期事项排在最前；从“数据采集”勾选违规记录可批量生成事项</Typography.Text>
        }
      >
        <Table
          size="small"
          rowKey="id"
          loading={items.isFetching}
          dataSource={items.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" } })}
          data-testid="items-table"
          columns={[
            { title: "事项", dataIndex: "title" },
            { title: "责任部门", dataIndex: "departmentName", width: 180 },
            { title: "地区", dataIndex: "regionName", width: 100 },
            { title: "条款", dataIndex: "clause", width: 70, render: (c: number) => `第${c}条` },
            { title: "记录", dataIndex: "recordCount", width: 60, align: "right" },
            { title: "整改期限", dataIndex: "deadline", width: 130, render: (d: Date) => formatDate(d) },
            { title: "状态", key: "state", width: 200, render: (_, r) => <ItemStateTag item={r} /> },
          ]}
        />
      </Card>
      {stats.data && (
        <Card
          title="整改率与按期整改率"
          extra={
            <Typography.Text type="secondary">
              整改率＝已销号/全部事项；按期整改率＝期限内销号/（已销号＋逾期未销号）
            </Typography.Text>
          }
        >
          <RateTables departments={stats.data.departments} counties={stats.data.counties} />
        </Card>
      )}
      {openId && <ItemDrawer id={openId} onClose={() => setOpenId(null)} />}
    </PageStack>
  );
}
