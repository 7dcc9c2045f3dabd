"use client";

import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Skeleton, Timeline } from "antd";
import { BURDEN_KIND_NAMES } from "@/server/domain/burdenKinds";
import { formatDate, formatDateTime } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";

export function RecordHistoryDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.record.history.queryOptions({ id }));
  const data = history.data;
  return (
    <Drawer open title="记录历史" size={560} onClose={onClose}>
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="类别">{BURDEN_KIND_NAMES[data.record.kind]}</Descriptions.Item>
            <Descriptions.Item label="事项">{data.record.title}</Descriptions.Item>
            <Descriptions.Item label="下达部门">{data.record.departmentName}</Descriptions.Item>
            <Descriptions.Item label="当前版本">第 {data.record.version} 版</Descriptions.Item>
            <Descriptions.Item label="状态">{data.record.status === "WITHDRAWN" ? "已撤回" : "有效"}</Descriptions.Item>
          </Descriptions>
          <Timeline
            style={{ marginTop: 24 }}
            items={data.revisions.map((rev) => {
              const snap = rev.snapshot;
              return {
                content: (
                  <div>
                    <div>
                      第 {rev.version} 版 · 于 {formatDateTime(rev.changedAt)} 被修改
                      {rev.reason ? `（原因：${rev.reason}）` : ""}
                    </div>
                    <div style={{ color: "#666" }}>
                      {snap.title} · {formatDate(snap.occurredOn)} · 数量 {snap.units} ·{" "}
                      {snap.isViolation ? "违规" : "合规"}
                    </div>
                  </div>
                ),
              };
            })}
          />
        </>
      )}
    </Drawer>
  );
}
