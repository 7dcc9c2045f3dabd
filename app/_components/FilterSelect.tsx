"use client";

import { Select, type SelectProps } from "antd";

/**
 * A clearable filter for a filter bar. Its label is both the placeholder and the name screen
 * readers announce, so the two cannot drift apart.
 */
export function FilterSelect<V>({
  label,
  width,
  ...props
}: SelectProps<V> & { label: string; width?: number; "data-testid"?: string }) {
  return <Select<V> allowClear aria-label={label} placeholder={label} style={{ width }} {...props} />;
}
