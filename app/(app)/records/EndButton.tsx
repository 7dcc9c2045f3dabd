"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ReasonModal } from "../../_components/ReasonModal";
import { useTRPC } from "../../_trpc/client";

const VERB: Record<string, string> = { WORK_GROUP: "解散", MECHANISM: "撤销", SIGNBOARD: "摘牌" };

/** Records that a lasting burden ended: it counts up to and including that month. */
export function EndButton({ id, kind }: { id: string; kind: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState("");
  const verb = VERB[kind];
  const end = useMutation(
    trpc.record.end.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        message.success(`已记录${verb}`);
        await queryClient.invalidateQueries({ queryKey: trpc.record.pathKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );
  if (!verb) return null;
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="end-record">
        {verb}
      </Button>
      <ReasonModal
        open={open}
        title={`记录${verb}`}
        okText={`确认${verb}`}
        pending={end.isPending}
        ready={Boolean(date)}
        placeholder="说明（必填，如解散通知文号）"
        reason={reason}
        onReasonChange={setReason}
        onOk={() =>
          date && end.mutate({ id, endedOn: new Date(Date.UTC(date.year(), date.month(), date.date())), reason })
        }
        onCancel={() => setOpen(false)}
      >
        <DatePicker value={date} onChange={setDate} placeholder={`${verb}日期`} style={{ width: "100%" }} />
      </ReasonModal>
    </>
  );
}
