"use client";

import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Result,
  Select,
  Tabs,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import type { BurdenKind } from "@/server/domain/burdenKinds";
import { formatDateTime } from "../_components/format";
import { useTRPC } from "../_trpc/client";
import { FormError } from "../_components/FormModal";
import { KIND_OPTIONS } from "../_components/options";

interface ReportValues {
  kind: BurdenKind;
  departmentName: string;
  content: string;
  reporterName?: string;
  reporterPhone?: string;
}

function ReportForm() {
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const [opened, setOpened] = useState<string | null>(null);
  const point = useQuery({
    ...trpc.directReport.open.queryOptions({ accessCode: opened ?? "" }),
    enabled: Boolean(opened),
    retry: false,
  });
  const [photo, setPhoto] = useState<File | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ReportValues>();
  const [anonymous, setAnonymous] = useState(true);

  async function submit(values: ReportValues) {
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.append("accessCode", opened!);
    body.append("kind", values.kind);
    body.append("departmentName", values.departmentName);
    body.append("content", values.content);
    body.append("anonymous", String(anonymous));
    if (!anonymous) {
      body.append("reporterName", values.reporterName ?? "");
      body.append("reporterPhone", values.reporterPhone ?? "");
    }
    if (photo) body.append("photo", photo);
    const response = await fetch("/api/direct-report", { method: "POST", body });
    const result = (await response.json()) as { receiptNo?: string; error?: string };
    setBusy(false);
    if (response.ok && result.receiptNo) setReceipt(result.receiptNo);
    else setError(result.error ?? "提交失败，请稍后重试");
  }

  if (receipt) {
    return (
      <Result
        status="success"
        title="已收到您的反映"
        subTitle={
          <>
            回执编号：
            <Typography.Text copyable strong data-testid="receipt-no">
              {receipt}
            </Typography.Text>
            <br />
            请保存回执编号，可随时查询办理进度。
          </>
        }
        extra={
          <Button
            onClick={() => {
              setReceipt(null);
              form.resetFields();
              setPhoto(null);
              setAnonymous(true);
            }}
          >
            再反映一条
          </Button>
        }
      />
    );
  }
  if (!opened || point.error || !point.data) {
    return (
      <Form layout="vertical" onFinish={() => setOpened(code.trim())}>
        {point.error && <Alert type="error" showIcon title={point.error.message} style={{ marginBottom: 12 }} />}
        <Form.Item label="监测点访问码" extra="访问码由乡镇或民政部门发给本村，如 ABCD-2345">
          <Input
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="请输入访问码"
            data-testid="access-code"
          />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={point.isFetching}
          disabled={code.trim().length < 4}
        >
          进入
        </Button>
      </Form>
    );
  }
  return (
    <Form<ReportValues> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: "FORM" }}>
      <Alert
        type="info"
        title={`监测点：${point.data.villageName}`}
        style={{ marginBottom: 16 }}
        data-testid="report-village"
      />
      <FormError error={error} />
      <Form.Item label="负担类别" name="kind" rules={[{ required: true, message: "请选择负担类别" }]}>
        <Select
          size="large"
          showSearch={{ optionFilterProp: "label" }}
          options={KIND_OPTIONS}
          data-testid="report-kind"
        />
      </Form.Item>
      <Form.Item
        label="提出要求的部门"
        name="departmentName"
        rules={[{ required: true, message: "请填写提出要求的部门" }]}
      >
        <AutoComplete
          size="large"
          options={point.data.departments.map((d) => ({ value: d }))}
          filterOption={(input, option) => String(option?.value).includes(input)}
          placeholder="如：县卫健局"
          data-testid="report-department"
        />
      </Form.Item>
      <Form.Item
        label="具体要求"
        name="content"
        rules={[{ required: true, min: 5, message: "请至少用5个字描述具体要求" }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          placeholder="例如：要求每天在工作群上传入户走访照片和定位"
          data-testid="report-content"
        />
      </Form.Item>
      <Form.Item label="通知照片（可选，JPG/PNG，5MB以内）">
        <Upload
          accept="image/jpeg,image/png"
          maxCount={1}
          beforeUpload={(f) => {
            setPhoto(f);
            return false;
          }}
          onRemove={() => setPhoto(null)}
          listType="picture"
        >
          <Button>拍照或选择图片</Button>
        </Upload>
      </Form.Item>
      <Form.Item>
        <Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="report-anonymous">
          匿名反映（不记录姓名、电话和网络地址）
        </Checkbox>
      </Form.Item>
      {!anonymous && (
        <>
          <Form.Item label="姓名" name="reporterName" rules={[{ required: true, message: "实名反映请填写姓名" }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="联系电话" name="reporterPhone">
            <Input maxLength={20} />
          </Form.Item>
        </>
      )}
      <Button type="primary" size="large" block htmlType="submit" loading={busy} data-testid="report-submit">
        提交
      </Button>
    </Form>
  );
}

function StatusLookup() {
  const trpc = useTRPC();
  const [input, setInput] = useState("");
  const [receiptNo, setReceiptNo] = useState<string | null>(null);
  const status = useQuery({
    ...trpc.directReport.status.queryOptions({ receiptNo: receiptNo ?? "" }),
    enabled: Boolean(receiptNo),
    retry: false,
  });
  return (
    <>
      <Input.Search
        size="large"
        placeholder="请输入回执编号"
        enterButton="查询"
        value={input}
        onChange={(e) => setInput(e.target.value)}
        onSearch={(v) => setReceiptNo(v.trim())}
        data-testid="receipt-input"
      />
      {status.error && <Alert type="error" showIcon title={status.error.message} style={{ marginTop: 12 }} />}
      {status.data && (
        <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="receipt-status">
          <Descriptions.Item label="回执编号">{status.data.receiptNo}</Descriptions.Item>
          <Descriptions.Item label="类别">{status.data.kindName}</Descriptions.Item>
          <Descriptions.Item label="部门">{status.data.departmentName}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(status.data.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="办理状态">{status.data.statusName}</Descriptions.Item>
          {status.data.handledAt && (
            <Descriptions.Item label="办理时间">{formatDateTime(status.data.handledAt)}</Descriptions.Item>
          )}
          {status.data.handlingNote && (
            <Descriptions.Item label="办理说明">{status.data.handlingNote}</Descriptions.Item>
          )}
        </Descriptions>
      )}
    </>
  );
}

export function DirectReportApp() {
  return (
    <main style={{ maxWidth: 520, margin: "0 auto", padding: 12 }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          村级减负直报
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          向监测部门反映上级部门违规向村（社区）摊派的表格、材料、工作群、留痕、挂牌、证明等负担。
        </Typography.Paragraph>
        <Tabs
          items={[
            { key: "report", label: "我要反映", children: <ReportForm /> },
            { key: "status", label: "查询办理进度", children: <StatusLookup /> },
          ]}
        />
      </Card>
    </main>
  );
}
