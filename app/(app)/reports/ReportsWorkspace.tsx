"use client";

import { can } from "../../_components/can";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, Modal, Result, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { proposeDepartment, titleFromReport } from "@/server/domain/reportProposal";
import { useRealtime, useUnseenReports } from "../../_components/RealtimeProvider";
import { BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { formatDateTime } from "../../_components/format";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { RegionPicker } from "../../_components/RegionPicker";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useTRPC } from "../../_trpc/client";
import { RecordFormDrawer } from "../records/RecordFormDrawer";
import { QueryTable } from "../../_components/QueryTable";

const STATUS: Record<string, [string, string]> = {
  RECEIVED: ["待核实", "orange"],
  CONVERTED: ["已转为记录", "green"],
  REJECTED: ["不予采纳", "default"],
};

type Report = {
  id: string;
  regionCode: string;
  kind: BurdenKind;
  departmentName: string;
  content: string;
  receiptNo: string;
  createdAt: Date;
};

function ReportList({ regionCode }: { regionCode: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const reports = useQuery(trpc.directReport.list.queryOptions({ regionCode }));
  const socket = useRealtime();
  const { markSeen } = useUnseenReports();
  useEffect(() => markSeen(), [markSeen]);
  // A new report arrives over the socket: the list refreshes while it is open.
  useEffect(() => {
    if (!socket) return;
    const arrived = () => {
      markSeen();
      message.info("收到一条新的村级直报");
      void queryClient.invalidateQueries({ queryKey: trpc.directReport.pathKey() });
    };
    socket.on("directReports:new", arrived);
    return () => {
      socket.off("directReports:new", arrived);
    };
  }, [socket, queryClient, trpc, markSeen, message]);
  const departments = useQuery(trpc.record.departments.queryOptions({ regionCode }));
  const [converting, setConverting] = useState<Report | null>(null);
  const [rejecting, setRejecting] = useState<Report | null>(null);
  const [note, setNote] = useState("");
  const reject = useMutation(
    trpc.directReport.reject.mutationOptions({
      onSuccess: async () => {
        message.success("已标记为不予采纳");
        setRejecting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.directReport.pathKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );
  return (
    <>
      <QueryTable
        query={reports}
        data-testid="reports-table"
        columns={[
          { title: "回执编号", dataIndex: "receiptNo" },
          { title: "提交时间", dataIndex: "createdAt", render: (d: Date) => formatDateTime(d) },
          { title: "村（社区）", dataIndex: "villageName" },
          { title: "类别", dataIndex: "kind", render: (k: BurdenKind) => BURDEN_KIND_NAMES[k] ?? k },
          { title: "部门", dataIndex: "departmentName" },
          { title: "反映内容", dataIndex: "content", ellipsis: true },
          {
            title: "反映人",
            key: "reporter",
            render: (_, r) =>
              r.anonymous ? <Tag>匿名</Tag> : `${r.reporterName}${r.reporterPhone ? ` ${r.reporterPhone}` : ""}`,
          },
          {
            title: "照片",
            key: "photo",
            render: (_, r) =>
              r.hasPhoto ? (
                <a href={`/api/direct-report/photo?id=${r.id}`} target="_blank" rel="noreferrer">
                  查看
                </a>
              ) : (
                "—"
              ),
          },
          {
            title: "状态",
            dataIndex: "status",
            render: (s: string) => <Tag color={STATUS[s]?.[1]}>{STATUS[s]?.[0] ?? s}</Tag>,
          },
          {
            title: "操作",
            key: "actions",
            render: (_, r) =>
              r.status === "RECEIVED" ? (
                <Space size="small">
                  <Button size="small" type="link" onClick={() => setConverting(r)} data-testid="convert-report">
                    转为记录
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => {
                      setNote("");
                      setRejecting(r);
                    }}
                  >
                    不予采纳
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {converting && (
        <RecordFormDrawer
          record={null}
          regionCode={regionCode}
          departments={departments.data ?? []}
          onClose={() => setConverting(null)}
          fromReport={{
            id: converting.id,
            initial: {
              kind: converting.kind,
              // Proposals the monitor confirms: the registered department the villager meant, the first sentence, the report's date.
              title: titleFromReport(converting.content),
              scopeRegionCode: converting.regionCode,
              departmentId: proposeDepartment(converting.departmentName, departments.data ?? [])?.id,
              occurredOn: dayjs(converting.createdAt),
              evidence: `直报回执 ${converting.receiptNo}：${converting.content}`,
            },
          }}
        />
      )}
      {rejecting && (
        <Modal
          open
          title="不予采纳"
          okText="确认"
          okButtonProps={{ disabled: note.trim().length < 2 }}
          confirmLoading={reject.isPending}
          onCancel={() => setRejecting(null)}
          onOk={() => reject.mutate({ id: rejecting.id, note })}
        >
          <Input.TextArea
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="理由（反映人凭回执可见）"
            maxLength={500}
          />
        </Modal>
      )}
    </>
  );
}

function Points({ regionCode }: { regionCode: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const points = useQuery(trpc.directReport.points.queryOptions({ regionCode }));
  const [village, setVillage] = useState<string | undefined>();
  const [issued, setIssued] = useState<{ villageName: string; accessCode: string } | null>(null);
  const issue = useMutation(
    trpc.directReport.issueAccessCode.mutationOptions({
      onSuccess: async (result) => {
        setIssued(result);
        await queryClient.invalidateQueries({ queryKey: trpc.directReport.points.queryKey() });
      },
    }),
  );
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <RegionPicker value={village} onChange={setVillage} />
        <Button
          type="primary"
          disabled={village?.length !== 12}
          loading={issue.isPending}
          onClick={() => village && issue.mutate({ villageCode: village })}
        >
          设为监测点 / 重新生成访问码
        </Button>
        <Typography.Text type="secondary">选择到村（社区）一级</Typography.Text>
      </Space>
      {issue.error && <Alert type="error" showIcon title={issue.error.message} />}
      {issued && (
        <Alert
          type="success"
          showIcon
          title={
            <>
              “{issued.villageName}”的访问码：
              <Typography.Text code copyable>
                {issued.accessCode}
              </Typography.Text>
              （仅显示一次，旧访问码即时失效）
            </>
          }
        />
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={points.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: "村（社区）", dataIndex: "villageName" },
          { title: "区划代码", dataIndex: "regionCode" },
          { title: "直报数", dataIndex: "reports" },
          { title: "最近直报", dataIndex: "lastReportAt", render: (d: Date | null) => (d ? formatDateTime(d) : "—") },
        ]}
      />
    </Space>
  );
}

export function ReportsWorkspace() {
  const { me, region, setRegionCode } = useRegionChoice();
  if (!me || !region) return null;
  if (!can(me, "directReport.list")) {
    return (
      <Card>
        <Result
          status="403"
          title="无权访问"
          subTitle="直报由民政和组织部门监测人员受理；为保护反映人，其他角色不能查看直报。"
        />
      </Card>
    );
  }
  return (
    <PageStack>
      <FilterBar region={region} onRegionChange={setRegionCode} small={false}>
        <a href="/report" target="_blank" rel="noreferrer">
          打开村级直报页面
        </a>
      </FilterBar>
      <Card>
        <Tabs
          items={[
            { key: "reports", label: "直报受理", children: <ReportList regionCode={region} /> },
            { key: "points", label: "监测点与访问码", children: <Points regionCode={region} /> },
          ]}
        />
      </Card>
    </PageStack>
  );
}
