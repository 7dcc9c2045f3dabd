"use client";

import { Button, Popconfirm } from "antd";

/** 编辑 and a 删除 that asks first: the row actions of a channel or a policy. */
export function EditDeleteButtons({
  confirm,
  onEdit,
  onDelete,
}: {
  confirm: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <>
      <Button size="small" onClick={onEdit}>
        编辑
      </Button>
      <Popconfirm title={confirm} onConfirm={onDelete}>
        <Button size="small" danger>
          删除
        </Button>
      </Popconfirm>
    </>
  );
}
