"use client";

import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "../_trpc/client";

/**
 * Finds a village, community or township by name or pinyin initials ("stz"), within
 * the jurisdiction. Each option shows its county and township, since names repeat.
 */
export function RegionSearch({ root, onPick }: { root: string | undefined; onPick: (code: string) => void }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const query = useDeferredValue(text.trim());
  const hits = useQuery({
    ...trpc.region.search.queryOptions({ regionCode: root ?? "", query }),
    enabled: Boolean(root && query),
    placeholderData: (p) => p,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={null}
      style={{ width: 240, maxWidth: "100%" }}
      placeholder="搜索村、社区或乡镇（可用拼音首字母）"
      aria-label="按名称或拼音首字母搜索区划"
      notFoundContent={query ? (hits.isFetching ? "正在搜索…" : "没有找到") : "输入名称或拼音首字母，如 stz"}
      loading={hits.isFetching}
      options={(query ? (hits.data ?? []) : []).map((h) => ({
        value: h.code,
        label: (
          <span>
            {h.name}
            <span style={{ color: "#595959", fontSize: 12, marginLeft: 6 }}>{h.path}</span>
          </span>
        ),
      }))}
      onChange={(code: string) => {
        setText("");
        onPick(code);
      }}
      data-testid="region-search"
    />
  );
}
