"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "antd";
import { formatDateTime } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import { RowsTable } from "../../_components/QueryTable";

/** Silences in force: each shows when it ends and how many regions it hides, so none is forgotten. */
export function ActiveSilences({ regionCode }: { regionCode: string }) {
  const trpc = useTRPC();
  const silences = useQuery(trpc.alert.silences.queryOptions({ regionCode }));
  if (!silences.data?.length) return null;
  return (
    <Card title={`生效中的静默（${silences.data.length}）`} size="small">
      <RowsTable
        dataSource={silences.data}
        columns={[
          { title: "区划", dataIndex: "regionCode" },
          { title: "规则", dataIndex: "ruleKey", render: (v: string | null) => v ?? "全部规则" },
          { title: "理由", dataIndex: "reason" },
          { title: "遮蔽区划数", dataIndex: "regionsHidden", align: "right" },
          { title: "截止", dataIndex: "expiresAt", render: (d: Date) => formatDateTime(d) },
        ]}
      />
    </Card>
  );
}
