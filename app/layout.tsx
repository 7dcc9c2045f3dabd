import { AntdRegistry } from "@ant-design/nextjs-registry";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_trpc/client";
import { AntdProvider } from "./_components/AntdProvider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "减负监测 · 村级组织减负监测平台", template: "%s · 减负监测" },
  description: "村级组织工作事务、机制牌子和证明事项减负监测",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <AntdRegistry>
          <AntdProvider>
            <TRPCReactProvider>{children}</TRPCReactProvider>
          </AntdProvider>
        </AntdRegistry>
      </body>
    </html>
  );
}
