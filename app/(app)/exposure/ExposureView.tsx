"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { formatDate } from "../../_components/format";
import { useRealtime } from "../../_components/RealtimeProvider";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { RegionPicker } from "../../_components/RegionPicker";
import { can } from "../../_components/can";
import { useIsPhone } from "../../_components/useIsPhone";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { useFormSave } from "../../_components/useFormSave";
import { useTRPC } from "../../_trpc/client";
import { QueryTable } from "../../_components/QueryTable";

const STATE_COLORS: Record<string, string> = {
  DRAFT: "default",
  PENDING_APPROVAL: "orange",
  PUBLISHED: "red",
  RECTIFIED: "green",
};

interface CaseValues {
  regionCode: string;
  departmentId: string;
  title: string;
  demanded: string;
  clause: number;
  evidence?: string;
  rectification: string;
  deadline: Dayjs;
}

export interface CaseDraft {
  regionCode: string;
  title?: string;
  demanded?: string;
  clause?: number;
  evidence?: string;
  alertId?: string;
  departmentName?: string;
}

function CaseForm({ draft, onClose }: { draft: CaseDraft; onClose: () => void }) {
  const regionCode = draft.regionCode;
  const phone = useIsPhone();
  const trpc = useTRPC();
  const [form] = Form.useForm<CaseValues>();
  const departments = useQuery(trpc.record.departments.queryOptions({ regionCode }));
  useEffect(() => {
    const match = departments.data?.find((d) => d.name === draft.departmentName);
    if (match) form.setFieldValue("departmentId", match.id);
  }, [departments.data, draft.departmentName, form]);
  const { error, handlers } = useFormSave(trpc.exposure, "已保存为草稿", onClose);
  const create = useMutation(trpc.exposure.create.mutationOptions(handlers));
  return (
    <Drawer open title="起草通报曝光案例" size={phone ? "100%" : 560} onClose={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<CaseValues>
        form={form}
        layout="vertical"
        initialValues={{ clause: 3, deadline: dayjs().add(30, "day"), ...draft }}
        onFinish={(v) =>
          create.mutate({
            ...v,
            deadline: v.deadline.endOf("day").toDate(),
            evidence: v.evidence ?? null,
            alertId: draft.alertId ?? null,
          })
        }
      >
        <Form.Item label="地区" name="regionCode" rules={[{ required: true }]}>
          <RegionPicker onChange={(c) => form.setFieldValue("regionCode", c)} />
        </Form.Item>
        <Form.Item label="被通报部门" name="departmentId" rules={[{ required: true, message: "请选择被通报部门" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
            data-testid="exposure-department"
          />
        </Form.Item>
        <Form.Item label="问题标题" name="title" rules={[{ required: true, message: "请填写问题标题" }]}>
          <Input maxLength={200} data-testid="exposure-title" />
        </Form.Item>
        <Form.Item label="违规要求" name="demanded" rules={[{ required: true, message: "请描述违规要求" }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="exposure-demanded" />
        </Form.Item>
        <Form.Item label="违反《意见》条款" name="clause" rules={[{ required: true }]}>
          <InputNumber min={1} max={8} precision={0} />
        </Form.Item>
        <Form.Item label="证据" name="evidence">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label="整改要求" name="rectification" rules={[{ required: true, message: "请填写整改要求" }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="exposure-rectification" />
        </Form.Item>
        <Form.Item label="整改期限" name="deadline" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="exposure-save">
          保存草稿
        </Button>
      </Form>
    </Drawer>
  );
}

export function ExposureView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const socket = useRealtime();
  const { message } = App.useApp();
  const { me, region, setRegionCode } = useRegionChoice();
  const [creating, setCreating] = useState<CaseDraft | null>(null);
  // Arriving from an alert (预警 → 转为通报曝光): prefill the draft from the alert and its records.
  const fromAlert = useSearchParams().get("fromAlert");
  const source = useQuery({ ...trpc.alert.get.queryOptions({ id: fromAlert ?? "" }), enabled: Boolean(fromAlert) });
  useEffect(() => {
    const d = source.data;
    if (!d) return;
    const record = d.records[0];
    setCreating({
      regionCode: d.alert.regionCode,
      title: d.ruleName,
      demanded: record ? `${record.departmentName}${record.title}` : d.alert.summary,
      clause: Number(/第(\d)条/.exec(d.alert.summary)?.[1] ?? 3),
      evidence: d.alert.summary,
      alertId: d.alert.id,
      departmentName: record?.departmentName,
    });
  }, [source.data]);
  const curator = can(me, "exposure.create");
  const mover = can(me, "exposure.move");
  const phone = useIsPhone();
  const cases = useQuery({
    ...trpc.exposure.list.queryOptions({ regionCode: region ?? "" }),
    enabled: Boolean(region),
  });
  const move = useMutation(
    trpc.exposure.move.mutationOptions({
      onSuccess: async () => {
        message.success("已更新");
        await queryClient.invalidateQueries({ queryKey: trpc.exposure.pathKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );

  // A case is rectified only when the items it gives rise to are closed (销号).
  const toItem = useMutation(
    trpc.rectification.createFromExposure.mutationOptions({
      onSuccess: () => message.success("已生成整改事项并推送给责任部门；事项全部销号后案例自动标记为已整改"),
      onError: (e) => message.error(e.message),
    }),
  );

  type ExposureRow = NonNullable<typeof cases.data>[number];
  // The drafter never sees 批准发布 on their own case: publishing needs a second person.
  const caseActions = (c: ExposureRow) => (
    <Space size={0} wrap>
      {c.state === "DRAFT" && (
        <Button size="small" type="link" onClick={() => move.mutate({ id: c.id, step: "submit" })}>
          提交审批
        </Button>
      )}
      {c.state === "PENDING_APPROVAL" && c.createdById !== me?.id && (
        <Button
          size="small"
          type="link"
          onClick={() => move.mutate({ id: c.id, step: "publish" })}
          data-testid="publish-exposure"
        >
          批准发布
        </Button>
      )}
      {c.state === "PENDING_APPROVAL" && c.createdById === me?.id && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          待他人审批
        </Typography.Text>
      )}
      {c.state === "PENDING_APPROVAL" && c.createdById !== me?.id && (
        <Button size="small" type="link" danger onClick={() => move.mutate({ id: c.id, step: "reject" })}>
          退回
        </Button>
      )}
      {c.state === "PUBLISHED" && can(me, "rectification.createFromExposure") && (
        <Button size="small" type="link" onClick={() => toItem.mutate({ caseId: c.id })}>
          生成整改事项
        </Button>
      )}
    </Space>
  );

  // Publishing pushes to every inspector of the covered regions: refresh the list live.
  useEffect(() => {
    if (!socket) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.exposure.pathKey() });
    socket.on("exposure:changed", refresh);
    return () => {
      socket.off("exposure:changed", refresh);
    };
  }, [socket, queryClient, trpc]);

  return (
    <PageStack>
      <FilterBar region={region} onRegionChange={setRegionCode}>
        {curator && region && (
          <Button type="primary" onClick={() => setCreating({ regionCode: region })} data-testid="new-exposure">
            起草案例
          </Button>
        )}
        <Button href={`/bulletin?region=${region ?? ""}`} target="_blank">
          打印通报
        </Button>
        <Button href={`/api/exposure/export?regionCode=${region ?? ""}`}>导出 Excel</Button>
      </FilterBar>
      <Card title={curator ? "通报曝光案例" : "已发布的通报曝光"}>
        {phone ? (
          <List
            data-testid="exposure-table"
            loading={cases.isLoading}
            dataSource={cases.data ?? []}
            locale={{ emptyText: "暂无通报曝光案例" }}
            renderItem={(c) => (
              <List.Item style={{ display: "block" }}>
                <Space size={4} wrap>
                  <Tag color={STATE_COLORS[c.state]}>{c.stateName}</Tag>
                  <Typography.Text strong>{c.title}</Typography.Text>
                </Space>
                <div>
                  {c.regionName} · {c.departmentName} · 违反第{c.clause}条
                </div>
                <Typography.Text type="secondary">整改期限 {formatDate(c.deadline)}</Typography.Text>
                {mover && <div>{caseActions(c)}</div>}
              </List.Item>
            )}
          />
        ) : (
          <QueryTable
            query={cases}
            data-testid="exposure-table"
            columns={[
              { title: "地区", dataIndex: "regionName" },
              { title: "被通报部门", dataIndex: "departmentName" },
              { title: "问题", dataIndex: "title" },
              { title: "条款", dataIndex: "clause", render: (c: number) => `第${c}条` },
              { title: "整改期限", dataIndex: "deadline", render: (d: Date) => formatDate(d) },
              {
                title: "状态",
                dataIndex: "state",
                render: (s: string, c) => <Tag color={STATE_COLORS[s]}>{c.stateName}</Tag>,
              },
              ...(mover
                ? [{ title: "操作", key: "actions", render: (_: unknown, c: ExposureRow) => caseActions(c) }]
                : []),
            ]}
          />
        )}
      </Card>
      {creating && <CaseForm draft={creating} onClose={() => setCreating(null)} />}
    </PageStack>
  );
}
