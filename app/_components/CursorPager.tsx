"use client";

import { Button, Space, Typography } from "antd";
import { useState } from "react";

/** Keyset pages: the cursors walked so far, so 上一页 returns exactly where it was. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    reset: () => setCursors([null]),
    back: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    forward: (next: string) => setCursors((c) => [...c, next]),
  };
}

export function CursorPager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
}) {
  return (
    <Space style={{ marginTop: 16 }}>
      <Button disabled={pages.page <= 1} onClick={pages.back}>
        上一页
      </Button>
      <Typography.Text>第 {pages.page} 页</Typography.Text>
      <Button disabled={!nextCursor} onClick={() => nextCursor && pages.forward(nextCursor)}>
        下一页
      </Button>
    </Space>
  );
}
