"use client";

import { can } from "../../_components/can";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Checkbox, DatePicker, Descriptions, Input, Space, Tag, Tooltip, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { DETAIL_FIELDS } from "@/server/domain/burdenDetails";
import { BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { RECORD_SOURCES, RECORD_SOURCE_NAMES, type RecordSource } from "@/server/domain/recordSources";
import { CursorPager, useCursorPages } from "../../_components/CursorPager";
import { formatDate, formatNumber, toPeriod } from "../../_components/format";
import { RegionPicker } from "../../_components/RegionPicker";
import { FilterSelect } from "../../_components/FilterSelect";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useTRPC } from "../../_trpc/client";
import { RecordFormDrawer, type EditableRecord } from "./RecordFormDrawer";
import { ImportModal } from "./ImportModal";
import { RecordHistoryDrawer } from "./RecordHistoryDrawer";
import { WithdrawButton } from "./WithdrawButton";
import { EndButton } from "./EndButton";
import { JudgementPanel } from "./JudgementPanel";
import { CreateFromRecordsButton, useOpenItems } from "../rectification/CreateFromRecordsButton";
import { KIND_OPTIONS, optionsOf } from "../../_components/options";
import { RowsTable } from "../../_components/QueryTable";
import { PageStack } from "../../_components/PageStack";

interface Filters {
  kind?: BurdenKind;
  departmentId?: string;
  months?: [Dayjs | null, Dayjs | null] | null;
  violation?: "yes" | "no";
  includeWithdrawn: boolean;
  text?: string;
  source?: RecordSource;
}

const PAGE_SIZE = 20;
const VIOLATION_OPTIONS = [
  { value: "yes", label: "违规" },
  { value: "no", label: "合规" },
];
const SOURCE_OPTIONS = optionsOf(RECORD_SOURCE_NAMES, RECORD_SOURCES);

/** A record's kind-specific details as labelled fields (the same labels as the entry form), never raw JSON. */
function detailItems(kind: BurdenKind, details: unknown, evidence: string | null) {
  const values = (details ?? {}) as Record<string, unknown>;
  const shown = (spec: (typeof DETAIL_FIELDS)[BurdenKind][number], value: unknown) => {
    if (spec.type === "boolean") return value ? "是" : "否";
    if (spec.type === "enum") return spec.options.find((o) => o.value === value)?.label ?? String(value);
    return String(value);
  };
  const items = DETAIL_FIELDS[kind]
    .filter((spec) => values[spec.key] !== undefined && values[spec.key] !== null && values[spec.key] !== "")
    .map((spec) => ({ key: spec.key, label: spec.label, children: shown(spec, values[spec.key]) }));
  if (evidence) items.push({ key: "evidence", label: "佐证", children: evidence });
  return items.length ? items : [{ key: "none", label: "明细", children: "未填写" }];
}

export function RecordsWorkspace() {
  const trpc = useTRPC();
  const { me, region, setRegionCode } = useRegionChoice();
  // The audit log links a record by its title (?text=).
  const linkedText = useSearchParams().get("text") ?? undefined;
  const [filters, setFilters] = useState<Filters>({ includeWithdrawn: false, text: linkedText });
  const pages = useCursorPages();
  const [editing, setEditing] = useState<EditableRecord | "new" | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const canEdit = can(me, "record.create");
  const [selected, setSelected] = useState<string[]>([]);

  const filter = {
    regionCode: region ?? "",
    kind: filters.kind,
    departmentId: filters.departmentId,
    periodFrom: filters.months?.[0] ? toPeriod(filters.months[0]) : undefined,
    periodTo: filters.months?.[1] ? toPeriod(filters.months[1]) : undefined,
    isViolation: filters.violation ? filters.violation === "yes" : undefined,
    includeWithdrawn: filters.includeWithdrawn,
    source: filters.source,
    text: filters.text || undefined,
  };
  // Only the first page asks for the total; the later ones show the first page's, which the cache
  // keeps and every write's invalidation refetches (it stays active while later pages are shown).
  const firstPage = { ...filter, pageSize: PAGE_SIZE, cursor: null, count: true };
  const query = pages.cursor === null ? firstPage : { ...firstPage, cursor: pages.cursor, count: false };
  const exportUrl = `/api/ledger/export?${new URLSearchParams(
    Object.entries(filter).flatMap(([k, v]) => (v === undefined || v === null ? [] : [[k, String(v)]])),
  )}`;
  const records = useQuery({
    ...trpc.record.list.queryOptions(query),
    enabled: Boolean(region),
    placeholderData: (previous) => previous,
  });
  const first = useQuery({
    ...trpc.record.list.queryOptions(firstPage),
    enabled: Boolean(region),
    placeholderData: (previous) => previous,
  });
  const total = pages.cursor === null ? records.data?.total : first.data?.total;
  const departments = useQuery({
    ...trpc.record.departments.queryOptions({ regionCode: region ?? "" }),
    enabled: Boolean(region),
  });
  const rectificationTag = useOpenItems(
    region,
    records.data?.items.map((r) => r.id) ?? [],
    Boolean(me && me.role !== "department"),
  );

  const update = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    pages.reset();
  };
  /** A select's value and onChange, bound to one of the list's filters. */
  const bound = <K extends "kind" | "departmentId" | "violation" | "source">(key: K) => ({
    value: filters[key],
    onChange: (value: Filters[K]) => update({ [key]: value }),
  });

  return (
    <PageStack>
      <Card>
        <Space wrap size="middle">
          <RegionPicker
            value={region}
            onChange={(code) => {
              setRegionCode(code);
              pages.reset();
            }}
          />
          <Input.Search
            allowClear
            defaultValue={linkedText}
            placeholder="搜索事项、表格名称或部门"
            style={{ width: 240 }}
            onSearch={(text) => update({ text: text.trim() })}
            data-testid="record-search"
            aria-label="搜索记录"
          />
          <FilterSelect
            label="负担类别"
            width={200}
            {...bound("kind")}
            options={KIND_OPTIONS}
            data-testid="filter-kind"
          />
          <FilterSelect
            label="下达部门"
            width={220}
            showSearch={{ optionFilterProp: "label" }}
            {...bound("departmentId")}
            options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
          />
          <DatePicker.RangePicker
            picker="month"
            value={filters.months ?? null}
            onChange={(months) => update({ months })}
            placeholder={["起始月份", "截止月份"]}
          />
          <FilterSelect
            label="是否违规"
            width={120}
            {...bound("violation")}
            options={VIOLATION_OPTIONS}
            data-testid="filter-violation"
          />
          <FilterSelect
            label="记录来源"
            width={130}
            {...bound("source")}
            options={SOURCE_OPTIONS}
            data-testid="filter-source"
          />
          <Checkbox checked={filters.includeWithdrawn} onChange={(e) => update({ includeWithdrawn: e.target.checked })}>
            含已撤回
          </Checkbox>
          {canEdit && (
            <Button
              type="primary"
              disabled={!departments.data}
              onClick={() => setEditing("new")}
              data-testid="new-record"
            >
              新增负担记录
            </Button>
          )}
          {canEdit && (
            <Button onClick={() => setImporting(true)} data-testid="open-import">
              导入台账
            </Button>
          )}
          <Button href={exportUrl} data-testid="export-records">
            导出 Excel
          </Button>
          {canEdit && <CreateFromRecordsButton recordIds={selected} onDone={() => setSelected([])} />}
        </Space>
      </Card>
      <Card title={`负担记录${typeof total === "number" ? `（共 ${formatNumber(total)} 条）` : ""}`}>
        <RowsTable
          loading={records.isFetching}
          locale={{
            // Secondary text, not antd's placeholder grey (#bfbfbf, contrast 1.8:1).
            emptyText: (
              <Typography.Text type="secondary">
                {records.isPending ? "正在加载…" : "暂无符合条件的记录"}
              </Typography.Text>
            ),
          }}
          dataSource={records.data?.items ?? []}
          data-testid="records-table"
          rowSelection={
            canEdit
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (r) => ({ disabled: !r.isViolation || r.status !== "ACTIVE" }),
                }
              : undefined
          }
          columns={[
            { title: "日期", dataIndex: "occurredOn", width: 130, render: (d: Date) => formatDate(d) },
            { title: "类别", dataIndex: "kind", width: 150, render: (k: BurdenKind) => BURDEN_KIND_NAMES[k] },
            {
              title: "事项",
              dataIndex: "title",
              render: (title: string, r) =>
                // A department's own report reads apart from what monitors found.
                r.source === "SELF_REPORT" || r.source === "DIRECT_REPORT" ? (
                  <Space size={4} wrap>
                    {title}
                    <Tag color={r.source === "SELF_REPORT" ? "purple" : "cyan"}>{RECORD_SOURCE_NAMES[r.source]}</Tag>
                  </Space>
                ) : (
                  title
                ),
            },
            { title: "下达部门", dataIndex: "departmentName" },
            {
              title: "下达范围",
              dataIndex: "scopeRegionName",
              width: 140,
              render: (name: string) => <span style={{ whiteSpace: "nowrap" }}>{name}</span>,
            },
            { title: "数量", dataIndex: "units", align: "right", width: 70 },
            {
              title: "判定",
              key: "violations",
              render: (_, r) =>
                r.needsReview && !r.isViolation ? (
                  <Tooltip title={r.reviews.map((v) => v.reason).join("；")}>
                    <Tag color="orange">待核实</Tag>
                  </Tooltip>
                ) : r.isViolation ? (
                  [...new Set(r.violations.map((v) => v.clause))].map((clause) => (
                    <Tooltip
                      key={clause}
                      title={r.violations
                        .filter((v) => v.clause === clause)
                        .map((v) => v.reason)
                        .join("；")}
                    >
                      <Tag color="red">违规·第{clause}条</Tag>
                    </Tooltip>
                  ))
                ) : (
                  <Tag color="green">合规</Tag>
                ),
            },
            {
              title: "状态",
              dataIndex: "status",
              width: 80,
              render: (s: string) => (s === "WITHDRAWN" ? <Tag>已撤回</Tag> : <Tag color="blue">有效</Tag>),
            },
            { title: "整改", key: "rectification", width: 80, render: (_, r) => rectificationTag(r.id) },
            {
              title: "操作",
              key: "actions",
              width: 180,
              render: (_, r) => (
                <Space size="small">
                  {canEdit && r.status === "ACTIVE" && (
                    <Button size="small" type="link" onClick={() => setEditing(r)}>
                      编辑
                    </Button>
                  )}
                  {canEdit && r.status === "ACTIVE" && <WithdrawButton id={r.id} />}
                  {canEdit && r.status === "ACTIVE" && !r.endedOn && <EndButton id={r.id} kind={r.kind} />}
                  <Button size="small" type="link" onClick={() => setHistoryOf(r.id)}>
                    历史
                  </Button>
                </Space>
              ),
            },
          ]}
          expandable={{
            expandedRowRender: (r) => (
              <div>
                <JudgementPanel record={r} />
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2, xl: 3 }}
                  style={{ marginTop: 8 }}
                  items={detailItems(r.kind as BurdenKind, r.details, r.evidence)}
                />
              </div>
            ),
          }}
        />
        <CursorPager pages={pages} nextCursor={records.data?.nextCursor} />
      </Card>
      {editing && region && (
        <RecordFormDrawer
          record={editing === "new" ? null : editing}
          regionCode={region}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      {historyOf && <RecordHistoryDrawer id={historyOf} onClose={() => setHistoryOf(null)} />}
    </PageStack>
  );
}
