"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button } from "antd";
import { useState } from "react";
import { ReasonModal } from "../../_components/ReasonModal";
import { useTRPC } from "../../_trpc/client";

export function WithdrawButton({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const withdraw = useMutation(
    trpc.record.withdraw.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        message.success("记录已撤回");
        await queryClient.invalidateQueries({ queryKey: trpc.record.pathKey() });
      },
      onError: (e) => message.error(e.message),
    }),
  );
  return (
    <>
      <Button size="small" type="link" danger onClick={() => setOpen(true)}>
        撤回
      </Button>
      <ReasonModal
        open={open}
        title="撤回负担记录"
        okText="确认撤回"
        danger
        pending={withdraw.isPending}
        placeholder="请填写撤回原因（必填）"
        reason={reason}
        onReasonChange={setReason}
        onOk={() => withdraw.mutate({ id, reason })}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
