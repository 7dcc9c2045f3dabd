"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Tag, Typography } from "antd";
import { useState } from "react";
import { BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { CursorPager, useCursorPages } from "../../_components/CursorPager";
import { formatDate } from "../../_components/format";
import { useMe } from "../../_components/useMe";
import { ReasonModal } from "../../_components/ReasonModal";
import { useTRPC } from "../../_trpc/client";
import { RowsTable } from "../../_components/QueryTable";
import { PageStack } from "../../_components/PageStack";

/** Monitors resolve 待核实 records: the name is the catalogue item, or the record is a violation. */
export function ReviewQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const regionCode = me?.regionCode ?? "";
  const pages = useCursorPages();
  const list = useQuery({
    ...trpc.review.list.queryOptions({ regionCode, pageSize: 20, cursor: pages.cursor }),
    enabled: Boolean(me),
    placeholderData: (p) => p,
  });
  const counts = useQuery({ ...trpc.review.counts.queryOptions({ regionCode }), enabled: Boolean(me) });
  const [violationOf, setViolationOf] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const resolve = useMutation(
    trpc.review.resolve.mutationOptions({
      onSuccess: async (result) => {
        message.success(
          result.decision === "MATCH" ? `已确认为目录事项，重新判定 ${result.changed} 条记录` : "已确认违规",
        );
        setViolationOf(null);
        setNote("");
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.record.pathKey() }),
        ]);
      },
      onError: (e) => message.error(e.message),
    }),
  );

  return (
    <PageStack>
      <Alert
        type="info"
        showIcon
        title="名称与目录事项相近但不能确定是否同一事项、或所填依据无法核对的记录，在此由监测员核实。确认为目录事项后，该名称作为同义名称记入目录，同名记录自动重新判定；确认违规则该记录计为违规。"
      />
      <Card title={`待核实记录（${counts.data?.total ?? 0} 条）`}>
        <RowsTable
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="review-table"
          columns={[
            { title: "日期", dataIndex: "occurredOn", width: 110, render: (d: Date) => formatDate(d) },
            { title: "类别", dataIndex: "kind", width: 140, render: (k: BurdenKind) => BURDEN_KIND_NAMES[k] },
            { title: "事项", dataIndex: "title" },
            { title: "下达部门", dataIndex: "departmentName", width: 180 },
            {
              title: "待核实原因与候选",
              key: "reviews",
              render: (_, r) =>
                r.reviews.map((v) => (
                  <div key={v.reason}>
                    <Tag color="orange">第{v.clause}条</Tag>
                    <Typography.Text>{v.reason}</Typography.Text>
                    {v.candidates.length > 0 && (
                      <div style={{ marginTop: 4 }}>
                        {v.candidates.map((c) => (
                          <Button
                            key={c.name}
                            size="small"
                            style={{ marginRight: 8, marginTop: 4 }}
                            loading={resolve.isPending}
                            onClick={() => resolve.mutate({ id: r.id, decision: "MATCH", item: c.name })}
                            data-testid="confirm-match"
                          >
                            是“{c.name}”（{Math.round(c.score * 100)}%）
                          </Button>
                        ))}
                      </div>
                    )}
                  </div>
                )),
            },
            {
              title: "操作",
              key: "actions",
              width: 110,
              render: (_, r) => (
                <Button size="small" danger onClick={() => setViolationOf(r.id)} data-testid="confirm-violation">
                  确认违规
                </Button>
              ),
            },
          ]}
        />
        <CursorPager pages={pages} nextCursor={list.data?.nextCursor} />
      </Card>
      <ReasonModal
        open={violationOf !== null}
        title="确认违规"
        okText="确认违规"
        danger
        pending={resolve.isPending}
        placeholder="核实说明（必填，如：与目录表格字段不同）"
        reason={note}
        onReasonChange={setNote}
        onOk={() => violationOf && resolve.mutate({ id: violationOf, decision: "VIOLATION", note })}
        onCancel={() => setViolationOf(null)}
      />
    </PageStack>
  );
}
