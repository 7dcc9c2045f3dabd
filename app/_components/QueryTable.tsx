"use client";

import { Table, type TableProps } from "antd";

/**
 * A compact table of what a list query returned: loading while it runs, 20 rows a page (no pager
 * for one page), rows keyed by `id` unless `rowKey` says otherwise.
 */
export function QueryTable<T extends object>({
  query,
  ...props
}: Omit<TableProps<T>, "dataSource" | "loading"> & {
  query: { data?: T[]; isLoading: boolean };
  "data-testid"?: string;
}) {
  return (
    <Table<T>
      size="small"
      rowKey="id"
      loading={query.isLoading}
      dataSource={query.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      {...props}
    />
  );
}

/** A compact table of rows already at hand, all on one page, keyed by `id` unless `rowKey` says otherwise. */
export function RowsTable<T extends object>(props: TableProps<T> & { "data-testid"?: string }) {
  return <Table<T> size="small" rowKey="id" pagination={false} {...props} />;
}
