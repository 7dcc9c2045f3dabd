"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, Result, Typography } from "antd";
import Link from "next/link";
import { useState } from "react";
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES } from "@/server/domain/audit";
import { CursorPager, useCursorPages } from "../../_components/CursorPager";
import { trpcErrorCode } from "../../_components/errors";
import { formatDateTime } from "../../_components/format";
import { optionsOf } from "../../_components/options";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { FilterSelect } from "../../_components/FilterSelect";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useTRPC } from "../../_trpc/client";
import { RowsTable } from "../../_components/QueryTable";

const ACTION_OPTIONS = optionsOf(AUDIT_ACTION_NAMES);
const ENTITY_OPTIONS = optionsOf(AUDIT_ENTITY_NAMES);

type Change = { key: string; label: string; before: string; after: string };

/** What changed, field by field, in words: labels in Chinese, names instead of ids. */
function Changes({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <Typography.Text type="secondary">没有字段变化</Typography.Text>;
  return (
    <RowsTable<Change>
      rowKey="key"
      dataSource={changes}
      columns={[
        { title: "字段", dataIndex: "label", width: 140 },
        { title: "变更前", dataIndex: "before" },
        { title: "变更后", dataIndex: "after" },
      ]}
    />
  );
}

export function AuditLogView() {
  const trpc = useTRPC();
  const { region, setRegionCode } = useRegionChoice();
  const [action, setAction] = useState<string | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  const pages = useCursorPages();
  // A new filter starts over at the first page: the cursor of the old filter means nothing in the new one.
  const fromFirstPage =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      pages.reset();
    };
  const log = useQuery({
    ...trpc.audit.list.queryOptions({ regionCode: region ?? "", action, entity, cursor: pages.cursor }),
    enabled: Boolean(region),
    retry: false,
  });
  if (trpcErrorCode(log.error) === "FORBIDDEN")
    return (
      <Card>
        <Result status="403" title="无权访问" subTitle={log.error?.message} />
      </Card>
    );
  return (
    <PageStack>
      <FilterBar small={false} region={region} onRegionChange={fromFirstPage(setRegionCode)}>
        <FilterSelect
          label="操作"
          width={180}
          value={action}
          onChange={fromFirstPage(setAction)}
          options={ACTION_OPTIONS}
        />
        <FilterSelect
          label="对象"
          width={160}
          value={entity}
          onChange={fromFirstPage(setEntity)}
          options={ENTITY_OPTIONS}
        />
      </FilterBar>
      <Card title="审计日志">
        <RowsTable
          loading={log.isFetching}
          dataSource={log.data?.items ?? []}
          data-testid="audit-table"
          expandable={{ expandedRowRender: (r) => <Changes changes={r.changes} /> }}
          columns={[
            { title: "时间", dataIndex: "createdAt", render: (d: Date) => formatDateTime(d) },
            { title: "操作人", dataIndex: "actorName" },
            { title: "操作", dataIndex: "actionName" },
            {
              title: "对象",
              key: "item",
              render: (_, r) => (
                <span>
                  {r.entityName}
                  {r.item.label &&
                    (r.item.href ? (
                      <>
                        ：<Link href={r.item.href}>{r.item.label}</Link>
                      </>
                    ) : (
                      `：${r.item.label}`
                    ))}
                </span>
              ),
            },
            { title: "区划", dataIndex: "regionName" },
          ]}
        />
        <CursorPager pages={pages} nextCursor={log.data?.nextCursor} />
      </Card>
    </PageStack>
  );
}
