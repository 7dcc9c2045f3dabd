"use client";

import { Card, Result } from "antd";
import { trpcErrorCode } from "./errors";

/** A query that failed, in place of what it would have shown: 403 when the region is not the user's. */
export function LoadError({ error }: { error: { message: string } }) {
  return (
    <Card>
      <Result
        status={trpcErrorCode(error) === "FORBIDDEN" ? "403" : "error"}
        title="无法加载"
        subTitle={error.message}
      />
    </Card>
  );
}
