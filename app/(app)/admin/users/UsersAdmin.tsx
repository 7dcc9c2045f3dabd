"use client";

import { can } from "../../../_components/can";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Result, Select, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { ROLES, ROLE_NAMES, type Role } from "@/server/domain/roles";
import { formatDateTime } from "../../../_components/format";
import { optionsOf } from "../../../_components/options";
import { RegionPicker } from "../../../_components/RegionPicker";
import { useMe } from "../../../_components/useMe";
import { useTRPC } from "../../../_trpc/client";
import { FormModal } from "../../../_components/FormModal";
import { PageStack } from "../../../_components/PageStack";

type Row = {
  id: string;
  username: string | null;
  name: string;
  role: string;
  regionCode: string;
  regionName: string;
  departmentId: string | null;
  disabled: boolean;
  createdAt: Date;
  departmentName: string | null;
};
type Mode = { kind: "create" } | { kind: "edit"; user: Row } | { kind: "password"; user: Row } | null;

/** 账号管理: create accounts, set role and region, reset passwords, disable; every change is audited. */
export function UsersAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const users = useQuery({
    ...trpc.user.list.queryOptions({ regionCode: me?.regionCode ?? "" }),
    enabled: can(me, "user.list"),
  });
  const regionOf = Form.useWatch("regionCode", form) ?? me?.regionCode;
  const departments = useQuery({
    ...trpc.record.departments.queryOptions({ regionCode: regionOf ?? "" }),
    enabled: Boolean(regionOf && mode && mode.kind !== "password"),
  });
  const done = {
    onSuccess: async () => {
      message.success("已保存");
      setMode(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: trpc.user.pathKey() });
    },
    onError: (e: { message: string }) => setError(e.message),
  };
  const create = useMutation(trpc.user.create.mutationOptions(done));
  const update = useMutation(trpc.user.update.mutationOptions(done));
  const reset = useMutation(trpc.user.resetPassword.mutationOptions(done));

  if (me && !can(me, "user.list"))
    return (
      <Card>
        <Result status="403" title="无权访问" subTitle="仅系统管理员可以管理账号" />
      </Card>
    );
  const open = (next: Mode) => {
    setError(null);
    form.resetFields();
    if (next?.kind === "edit") form.setFieldsValue(next.user);
    setMode(next);
  };
  return (
    <PageStack>
      <Card
        title="账号管理"
        extra={
          <Button type="primary" onClick={() => open({ kind: "create" })}>
            新建账号
          </Button>
        }
      >
        <Table<Row>
          size="small"
          rowKey="id"
          loading={users.isLoading}
          dataSource={(users.data ?? []) as Row[]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="users-table"
          columns={[
            { title: "用户名", dataIndex: "username" },
            { title: "姓名", dataIndex: "name" },
            { title: "角色", dataIndex: "role", render: (r: Role) => ROLE_NAMES[r] ?? r },
            {
              title: "辖区",
              dataIndex: "regionName",
              render: (name: string, r: Row) => <span title={`区划代码 ${r.regionCode}`}>{name}</span>,
            },
            { title: "部门", dataIndex: "departmentName", render: (v: string | null) => v ?? "—" },
            {
              title: "状态",
              dataIndex: "disabled",
              render: (d: boolean) => (d ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>),
            },
            { title: "创建时间", dataIndex: "createdAt", render: (d: Date) => formatDateTime(d) },
            {
              title: "操作",
              key: "actions",
              render: (_, u) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => open({ kind: "edit", user: u })}>
                    修改
                  </Button>
                  <Button size="small" type="link" onClick={() => open({ kind: "password", user: u })}>
                    重置密码
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {mode && (
        <FormModal
          title={
            mode.kind === "create"
              ? "新建账号"
              : mode.kind === "edit"
                ? `修改账号：${mode.user.username}`
                : `重置密码：${mode.user.username}`
          }
          pending={create.isPending || update.isPending || reset.isPending}
          error={error}
          form={form}
          initialValues={{ role: "monitor", regionCode: me?.regionCode, disabled: false }}
          onCancel={() => setMode(null)}
          onFinish={(v) => {
            if (mode.kind === "create") create.mutate(v);
            else if (mode.kind === "edit") update.mutate({ ...v, id: mode.user.id });
            else reset.mutate({ id: mode.user.id, password: v.password });
          }}
        >
          {mode.kind === "create" && (
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: "请填写用户名" }]}>
              <Input maxLength={32} />
            </Form.Item>
          )}
          {mode.kind !== "password" && (
            <>
              <Form.Item label="姓名" name="name" rules={[{ required: true, message: "请填写姓名" }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item label="角色" name="role" rules={[{ required: true }]}>
                <Select options={optionsOf(ROLE_NAMES, ROLES)} />
              </Form.Item>
              <Form.Item label="辖区" name="regionCode" rules={[{ required: true, message: "请选择辖区" }]}>
                <RegionPicker onChange={(c) => form.setFieldValue("regionCode", c)} />
              </Form.Item>
              <Form.Item label="部门（职能部门账号）" name="departmentId">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: "label" }}
                  options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </>
          )}
          {mode.kind === "edit" && (
            <Form.Item label="停用" name="disabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          {mode.kind !== "edit" && (
            <Form.Item
              label={mode.kind === "create" ? "初始密码" : "新密码"}
              name="password"
              extra="至少8位，须包含字母和数字"
              rules={[{ required: true, min: 8, message: "密码至少8位" }]}
            >
              <Input.Password maxLength={128} autoComplete="new-password" />
            </Form.Item>
          )}
        </FormModal>
      )}
    </PageStack>
  );
}
