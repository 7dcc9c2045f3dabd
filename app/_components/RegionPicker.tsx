"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Cascader, Space } from "antd";
import { useEffect, useState } from "react";
import { useTRPC } from "../_trpc/client";
import { RegionSearch } from "./RegionSearch";

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

/**
 * Region cascader over the user's jurisdiction, loading one level at a time.
 * `value` is the chosen code; the path above it is filled in as levels load.
 */
export function RegionPicker({ value, onChange }: { value?: string; onChange: (code: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.region.mine.queryOptions());
  const [options, setOptions] = useState<Option[]>([]);

  // The cascader's value is the path of codes from the jurisdiction root down.
  const root = mine.data?.region.code;
  const path =
    value && root && value.startsWith(root)
      ? [2, 4, 6, 9, 12].filter((len) => len >= root.length && len <= value.length).map((len) => value.slice(0, len))
      : undefined;
  const pathKey = path?.join(",");

  // biome-ignore lint/correctness/useExhaustiveDependencies: `options` is read, not watched: the effect follows the chosen path only
  useEffect(() => {
    if (!mine.data) return;
    const r = mine.data.region;
    let cancelled = false;
    // Load the levels along the chosen path so the cascader shows names, not codes. Nodes
    // already loaded are kept: rebuilding the tree while a level loads left it spinning.
    void (async () => {
      const top: Option =
        options[0]?.value === r.code ? options[0] : { value: r.code, label: r.name, isLeaf: !r.hasChildren };
      let level = top;
      for (const code of (pathKey ?? "").split(",").slice(1)) {
        if (!code) break;
        if (!level.children) {
          const children = await queryClient.fetchQuery(trpc.region.children.queryOptions({ regionCode: level.value }));
          level.children = children.map((c) => ({ value: c.code, label: c.name, isLeaf: !c.hasChildren }));
        }
        const next = level.children.find((c) => c.value === code);
        if (!next) break;
        level = next;
      }
      if (!cancelled) setOptions((current) => (current[0] === top ? [...current] : [top]));
    })();
    return () => {
      cancelled = true;
    };
  }, [mine.data, pathKey, queryClient, trpc]);

  async function loadData(selected: Option[]) {
    const target = selected[selected.length - 1]!;
    const children = await queryClient.fetchQuery(trpc.region.children.queryOptions({ regionCode: target.value }));
    target.children = children.map((c) => ({ value: c.code, label: c.name, isLeaf: !c.hasChildren }));
    setOptions((current) => [...current]);
  }

  return (
    <Space wrap size={8} style={{ maxWidth: "100%" }}>
      <Cascader
        style={{ width: 360, maxWidth: "100%" }}
        placeholder="选择区划"
        options={options}
        loadData={loadData}
        value={path}
        changeOnSelect
        showSearch={false}
        onChange={(codes) => {
          const last = codes?.[codes.length - 1];
          if (typeof last === "string") onChange(last);
        }}
        displayRender={(labels) => labels.join(" / ")}
        data-testid="region-picker"
        aria-label="选择区划"
      />
      <RegionSearch root={root} onPick={onChange} />
    </Space>
  );
}
