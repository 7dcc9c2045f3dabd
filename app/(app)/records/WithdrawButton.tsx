"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Input, Modal } from "antd";
import { useState } from "react";
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
      <Modal
        open={open}
        title="撤回负担记录"
        okText="确认撤回"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: withdraw.isPending }}
        onOk={() => withdraw.mutate({ id, reason })}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea
          rows={3}
          placeholder="请填写撤回原因（必填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </>
  );
}
