"use client";

import { Badge, Breadcrumb, Button, Layout, Menu, Space, Typography } from "antd";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { authClient } from "./authClient";
import { NAV_ITEMS } from "./navigation";
import { RealtimeProvider, useRealtimeStatus, useUnseenAlerts } from "./RealtimeProvider";
import { ReviewsNavLabel } from "./ReviewsNavLabel";

const SCOPED = new Set(["/overview", "/rankings"]);

interface ShellUser {
  name: string;
  role: string;
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

function ConnectionBadge() {
  const connected = useRealtimeStatus();
  return <Badge status={connected ? "success" : "default"} text={connected ? "实时连接正常" : "实时连接断开"} data-testid="realtime-status" />;
}

export function AppShell({ user, regionPath, children }: { user: ShellUser; regionPath: { code: string; name: string }[]; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  // Dashboards share ?region=&period=: carry them across the navigation.
  const search = useSearchParams();
  const scope = new URLSearchParams([...search.entries()].filter(([k]) => k === "region" || k === "period")).toString();
  const hrefOf = (href: string) => (href === "/regions" ? `/regions/${search.get("region") ?? user.regionCode}` : SCOPED.has(href) && scope ? `${href}?${scope}` : href);
  const selected = NAV_ITEMS.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))?.href;

  async function logout() {
    await authClient.signOut();
    router.replace("/login");
    router.refresh();
  }

  return (
    <RealtimeProvider>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="dark" width={200}>
          <div style={{ color: "#fff", fontSize: 18, fontWeight: 600, padding: "16px 20px" }}>减负监测</div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={NAV_ITEMS.filter((item) => (!("adminOnly" in item) || user.role === "admin") && (!("monitorsOnly" in item) || user.role === "monitor" || user.role === "admin")).map((item) => ({
              key: item.href,
              label:
                item.href === "/alerts" ? <AlertsNavLabel href={hrefOf(item.href)} /> : item.href === "/reviews" ? <ReviewsNavLabel href={item.href} regionCode={user.regionCode} /> : <Link href={hrefOf(item.href)}>{item.label}</Link>,
            }))}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: "#fff", padding: "0 24px", display: "flex", alignItems: "center", justifyContent: "space-between" }}>
            <Breadcrumb items={regionPath.map((r) => ({ title: r.name }))} />
            <Space size="large">
              <ConnectionBadge />
              <Typography.Text data-testid="current-user">
                {user.name} · {user.roleName}
              </Typography.Text>
              <Button onClick={logout}>退出登录</Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
        </Layout>
      </Layout>
    </RealtimeProvider>
  );
}
