"use client";

import { Alert, Button, Card, Form, Input, Table, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "../_components/authClient";

interface LoginInfo {
  demo: boolean;
  password?: string;
  accounts: { username: string; name: string; roleName: string; regionName: string }[];
  accessCodes: { villageName: string; accessCode: string }[];
}

const ERRORS: Record<string, string> = {
  INVALID_USERNAME_OR_PASSWORD: "用户名或密码错误",
  INVALID_EMAIL_OR_PASSWORD: "用户名或密码错误",
  USERNAME_IS_INVALID: "用户名格式不正确",
};

export function LoginForm({ info, next }: { info: LoginInfo; next: string }) {
  const router = useRouter();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.signIn.username({
      username: values.username.trim(),
      password: values.password,
    });
    setBusy(false);
    if (failure) {
      setError(
        failure.code === "ACCOUNT_LOCKED"
          ? (failure.message ?? "该账号已临时锁定")
          : failure.status === 429
            ? "登录尝试过于频繁，请稍后再试"
            : (ERRORS[failure.code ?? ""] ?? "登录失败：账号已停用或会话创建失败"),
      );
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <main
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        gap: 24,
        flexWrap: "wrap",
        padding: 24,
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          减负监测
        </Typography.Title>
        <Typography.Paragraph type="secondary">村级组织工作事务、机制牌子和证明事项减负监测平台</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: "请输入用户名" }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
      {info.demo && (
        <Card title={`演示账号（密码均为 ${info.password}）`} style={{ width: 520 }} data-testid="demo-accounts">
          <Table
            size="small"
            pagination={false}
            rowKey="username"
            dataSource={info.accounts}
            onRow={(row) => ({
              onClick: () => form.setFieldsValue({ username: row.username, password: info.password }),
              style: { cursor: "pointer" },
            })}
            columns={[
              { title: "用户名", dataIndex: "username" },
              { title: "角色", dataIndex: "roleName" },
              { title: "辖区", dataIndex: "regionName" },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            点击一行即可填入账号。
          </Typography.Paragraph>
          {info.accessCodes.length > 0 && (
            <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="demo-access-codes">
              村级直报（无需账号，
              {/* Underlined: a link inside a sentence must not be told apart by colour alone (axe link-in-text-block). */}
              <a href="/report" style={{ textDecoration: "underline" }}>
                打开直报页面
              </a>
              ）访问码：
              {info.accessCodes.map((p) => (
                <span key={p.accessCode} style={{ display: "block" }}>
                  <Typography.Text code>{p.accessCode}</Typography.Text> {p.villageName}
                </span>
              ))}
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </main>
  );
}
