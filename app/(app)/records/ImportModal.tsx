"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Modal, Progress, Select, Space, Table, Typography, Upload } from "antd";
import { useEffect, useRef, useState } from "react";
import { BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";
import { formatNumber } from "../../_components/format";
import { useTRPC } from "../../_trpc/client";
import { KIND_OPTIONS } from "../../_components/options";

interface JobState {
  progress: { phase: "reading" | "validating" | "writing" | "done"; done: number; total: number };
  result?: { rows: number; inserted: number; duplicates: number; violations: number };
  error?: string;
  rowErrors?: { row: number; column: string; reason: string }[];
  errorCount?: number;
  finishedAt?: number;
}

const PHASES = { reading: "读取文件", validating: "逐行校验", writing: "写入数据库", done: "完成" };

export function ImportModal({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<BurdenKind>("FORM");
  const [file, setFile] = useState<File | null>(null);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
    },
    [],
  );

  function poll(jobId: string) {
    timer.current = setInterval(async () => {
      const response = await fetch(`/api/ledger/import?job=${encodeURIComponent(jobId)}`);
      const body = (await response.json()) as JobState & { error?: string };
      if (!response.ok) {
        setFailure(body.error ?? "查询导入进度失败");
        clearInterval(timer.current!);
        return;
      }
      setJob(body);
      if (body.finishedAt) {
        clearInterval(timer.current!);
        if (body.result) await queryClient.invalidateQueries({ queryKey: trpc.record.pathKey() });
      }
    }, 400);
  }

  function start() {
    if (!file) return;
    setFailure(null);
    setJob(null);
    const form = new FormData();
    form.append("kind", kind);
    form.append("file", file);
    // XHR rather than fetch: it reports upload progress for large files.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/ledger/import");
    xhr.upload.onprogress = (e) => e.lengthComputable && setUploadPercent(Math.round((100 * e.loaded) / e.total));
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || "{}") as { jobId?: string; error?: string };
      if (xhr.status === 202 && body.jobId) poll(body.jobId);
      else setFailure(body.error ?? `上传失败（${xhr.status}）`);
    };
    xhr.onerror = () => setFailure("上传失败：网络中断");
    xhr.send(form);
  }

  const p = job?.progress;
  const processing = p?.total ? Math.round((100 * p.done) / p.total) : 0;
  const busy = uploadPercent !== null && !job?.finishedAt && !failure;

  return (
    <Modal
      open
      title="导入台账（xlsx / csv）"
      width={760}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Space wrap>
          <span>负担类别：</span>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            value={kind}
            onChange={setKind}
            style={{ width: 220 }}
            options={KIND_OPTIONS}
            data-testid="import-kind"
          />
          <a href={`/api/ledger/template?kind=${kind}`} download>
            下载“{BURDEN_KIND_NAMES[kind]}”模板
          </a>
        </Space>
        <Upload
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          maxCount={1}
          accept=".xlsx,.csv"
          onRemove={() => setFile(null)}
        >
          <Button>选择文件</Button>
        </Upload>
        <Button type="primary" disabled={!file || busy} onClick={start} data-testid="import-start">
          开始导入
        </Button>
        {uploadPercent !== null && (
          <Progress aria-label="上传进度" percent={uploadPercent} size="small" format={(v) => `上传 ${v}%`} />
        )}
        {p && (
          <Progress
            aria-label="导入进度"
            percent={p.phase === "done" ? 100 : processing}
            status={job?.error ? "exception" : p.phase === "done" ? "success" : "active"}
            format={() => `${PHASES[p.phase]} ${p.total ? `${formatNumber(p.done)} / ${formatNumber(p.total)}` : ""}`}
            data-testid="import-progress"
          />
        )}
        {failure && <Alert type="error" showIcon title={failure} />}
        {job?.result && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            title={`导入完成：共 ${formatNumber(job.result.rows)} 行，新增 ${formatNumber(job.result.inserted)} 条，重复跳过 ${formatNumber(job.result.duplicates)} 条，其中违规 ${formatNumber(job.result.violations)} 条`}
          />
        )}
        {job?.error && (
          <>
            <Alert type="error" showIcon title={job.error} data-testid="import-error" />
            {job.rowErrors && job.rowErrors.length > 0 && (
              <>
                {job.errorCount! > job.rowErrors.length && (
                  <Typography.Text type="secondary">仅列出前 {job.rowErrors.length} 处错误</Typography.Text>
                )}
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
                  dataSource={job.rowErrors}
                  pagination={{ pageSize: 10 }}
                  data-testid="import-errors"
                  columns={[
                    { title: "行号", dataIndex: "row", width: 80 },
                    { title: "列", dataIndex: "column", width: 140 },
                    { title: "原因", dataIndex: "reason" },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
