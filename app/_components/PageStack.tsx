"use client";

import { Card, Space } from "antd";
import type { ReactNode } from "react";
import { RegionPicker } from "./RegionPicker";

/** The layout of every workspace page: its sections stacked full width with large gaps. */
export function PageStack({ children }: { children: ReactNode }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      {children}
    </Space>
  );
}

/** A page's filter card: the region picker first, then the page's own filters; `footer` goes below the row. */
export function FilterBar({
  region,
  onRegionChange,
  small = true,
  footer,
  children,
}: {
  region: string | undefined;
  onRegionChange: (code: string) => void;
  small?: boolean;
  footer?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card size={small ? "small" : undefined}>
      <Space wrap>
        <RegionPicker value={region} onChange={onRegionChange} />
        {children}
      </Space>
      {footer}
    </Card>
  );
}
