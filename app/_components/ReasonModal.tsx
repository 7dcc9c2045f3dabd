"use client";

import { Input, Modal, Space } from "antd";
import type { ReactNode } from "react";

/**
 * A confirmation that needs a written reason of at least two characters (withdrawing, ending,
 * judging a record): OK stays disabled until there is one, and until `ready` when other fields
 * (`children`, above the reason) must be filled first.
 */
export function ReasonModal({
  open,
  title,
  okText,
  danger,
  pending,
  ready = true,
  placeholder,
  reason,
  onReasonChange,
  onOk,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  pending: boolean;
  ready?: boolean;
  placeholder: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  onOk: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, disabled: !ready || reason.trim().length < 2, loading: pending }}
      onOk={onOk}
      onCancel={onCancel}
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        {children}
        <Input.TextArea
          rows={3}
          placeholder={placeholder}
          value={reason}
          onChange={(e) => onReasonChange(e.target.value)}
          maxLength={500}
        />
      </Space>
    </Modal>
  );
}
