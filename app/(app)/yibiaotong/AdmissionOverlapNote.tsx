"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Skeleton } from "antd";
import { useTRPC } from "../../_trpc/client";

/** Shown in admission review: the requested form's overlap with forms already in the county's catalogue. */
export function AdmissionOverlapNote({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const overlap = useQuery(trpc.formOverlap.admissionOverlap.queryOptions({ id: requestId }));
  if (overlap.isLoading) return <Skeleton active paragraph={{ rows: 1 }} />;
  const matches = overlap.data?.matches ?? [];
  if (!overlap.data?.fields.length) return null;
  if (!matches.length)
    return <Alert type="success" showIcon title="与目录中已有表格没有明显重合" data-testid="admission-overlap" />;
  return (
    <Alert
      type={matches[0]!.reuse ? "warning" : "info"}
      showIcon
      data-testid="admission-overlap"
      title={matches
        .map((m) => {
          const shown = m.sharedItems.slice(0, 4).join("、") + (m.sharedItems.length > 4 ? "…" : "");
          return `与${m.department ?? ""}《${m.title}》重合 ${Math.round(m.score * 100)}%（${shown}）${m.reuse ? "，建议复用" : ""}`;
        })
        .map((line) => <div key={line}>{line}</div>)}
    />
  );
}
