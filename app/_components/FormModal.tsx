"use client";

import { Alert, Form, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";

/** The refusal of the last submit, above the fields it concerns. */
export function FormError({ error }: { error: string | null | undefined }) {
  return error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null;
}

/** A dialog holding one vertical form: OK submits the form, so its rules run before `onFinish`. */
export function FormModal<T>({
  title,
  okText = "保存",
  pending,
  error,
  form,
  initialValues,
  onFinish,
  onCancel,
  children,
}: {
  title: ReactNode;
  okText?: string;
  pending: boolean;
  error?: string | null;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  onFinish: (values: T) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {children}
      </Form>
    </Modal>
  );
}
