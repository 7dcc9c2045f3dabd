"use client";

import { MenuOutlined, QuestionCircleOutlined, UserOutlined } from "@ant-design/icons";
import { Badge, Breadcrumb, Button, Drawer, Dropdown, Layout, Menu, Space, Tooltip, Typography } from "antd";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import type { Role } from "@/server/domain/roles";
import { authClient } from "./authClient";
import { can } from "./can";
import { NAV_ITEMS } from "./navigation";
import { RealtimeProvider, useRealtimeStatus, useUnseenAlerts, useUnseenReports } from "./RealtimeProvider";
import { useIsPhone } from "./useIsPhone";
import { ReviewsNavLabel } from "./ReviewsNavLabel";

const SCOPED = new Set(["/overview", "/rankings"]);

interface ShellUser {
  name: string;
  role: Role;
  roleName: string;
  regionCode: string;
}

function AlertsNavLabel({ href }: { href: string }) {
  const { unseen } = useUnseenAlerts();
  return (
    <Link href={href}>
      预警 <Badge count={unseen} size="small" offset={[6, -2]} data-testid="alerts-badge" />
    </Link>
  );
}

function ReportsNavLabel({ href, label }: { href: string; label: string }) {
  const { unseen } = useUnseenReports();
  return (
    <Link href={href}>
      {label} <Badge count={unseen} size="small" offset={[6, -2]} data-testid="reports-badge" />
    </Link>
  );
}

function ConnectionBadge({ compact }: { compact: boolean }) {
  const connected = useRealtimeStatus();
  const text = connected ? "实时连接正常" : "实时连接断开";
  if (compact) {
    // On a phone the state is a dot; the words stay for screen readers and the tooltip.
    return (
      <Tooltip title={text}>
        <span data-testid="realtime-status" aria-label={text} role="status">
          <Badge status={connected ? "success" : "default"} />
          <span className="visually-hidden">{text}</span>
        </span>
      </Tooltip>
    );
  }
  return <Badge status={connected ? "success" : "default"} text={text} data-testid="realtime-status" />;
}

export function AppShell({
  user,
  regionPath,
  children,
}: {
  user: ShellUser;
  regionPath: { code: string; name: string }[];
  children: ReactNode;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const phone = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation closes the phone menu; pathname is the trigger
  useEffect(() => setMenuOpen(false), [pathname]);
  // Dashboards share ?region=&period=: carry them across the navigation.
  const search = useSearchParams();
  const scope = new URLSearchParams([...search.entries()].filter(([k]) => k === "region" || k === "period")).toString();
  const hrefOf = (href: string) =>
    href === "/regions"
      ? `/regions/${search.get("region") ?? user.regionCode}`
      : SCOPED.has(href) && scope
        ? `${href}?${scope}`
        : href;
  const visible = NAV_ITEMS.filter((item) => !item.needs || can(user, item.needs));
  const selected = visible.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))?.href;

  async function logout() {
    await authClient.signOut();
    router.replace("/login");
    router.refresh();
  }

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      data-testid="main-menu"
      items={visible.map((item) => ({
        key: item.href,
        label:
          item.href === "/alerts" ? (
            <AlertsNavLabel href={hrefOf(item.href)} />
          ) : item.href === "/reports" ? (
            <ReportsNavLabel href={hrefOf(item.href)} label={item.label} />
          ) : item.href === "/reviews" ? (
            <ReviewsNavLabel href={item.href} regionCode={user.regionCode} />
          ) : (
            <Link href={hrefOf(item.href)}>{item.label}</Link>
          ),
      }))}
    />
  );
  const brand = <div style={{ color: "#fff", fontSize: 18, fontWeight: 600, padding: "16px 20px" }}>减负监测</div>;

  return (
    <RealtimeProvider>
      <Layout style={{ minHeight: "100vh" }}>
        {!phone && (
          <Layout.Sider theme="dark" width={200}>
            {brand}
            {menu}
          </Layout.Sider>
        )}
        <Layout style={{ minWidth: 0 }}>
          {phone ? (
            <Layout.Header className="app-header-phone">
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label="打开导航菜单"
                onClick={() => setMenuOpen(true)}
                data-testid="open-menu"
              />
              <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
                减负监测 · {regionPath.at(-1)?.name}
              </Typography.Text>
              <ConnectionBadge compact />
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: [
                    { key: "who", label: `${user.name} · ${user.roleName}`, disabled: true },
                    { key: "glossary", label: <Link href="/glossary">术语说明</Link> },
                    { key: "logout", label: "退出登录", onClick: () => void logout() },
                  ],
                }}
              >
                <Button
                  type="text"
                  icon={<UserOutlined />}
                  data-testid="current-user"
                  aria-label={`${user.name}，账号菜单`}
                >
                  <span className="phone-user-name">{user.name}</span>
                </Button>
              </Dropdown>
            </Layout.Header>
          ) : (
            <Layout.Header
              style={{
                background: "#fff",
                padding: "0 24px",
                display: "flex",
                alignItems: "center",
                justifyContent: "space-between",
                gap: 16,
              }}
            >
              <Breadcrumb items={regionPath.map((r) => ({ title: r.name }))} />
              <Space size="large">
                <ConnectionBadge compact={false} />
                <Link href="/glossary" data-testid="glossary-link">
                  <QuestionCircleOutlined /> 术语说明
                </Link>
                <Typography.Text data-testid="current-user">
                  {user.name} · {user.roleName}
                </Typography.Text>
                <Button onClick={logout}>退出登录</Button>
              </Space>
            </Layout.Header>
          )}
          <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>{children}</Layout.Content>
        </Layout>
      </Layout>
      {phone && (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={240}
          title={null}
          closable={false}
          styles={{ body: { padding: 0, background: "#001529" } }}
        >
          {brand}
          {menu}
        </Drawer>
      )}
    </RealtimeProvider>
  );
}
