"use client";

import { Card, Result } from "antd";

/** A page whose feature a later release builds; says so plainly. */
export function ComingLater({ title, description }: { title: string; description: string }) {
  return (
    <Card>
      <Result status="info" title={`${title}（建设中）`} subTitle={description} />
    </Card>
  );
}
