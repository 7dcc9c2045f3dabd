"use client";

import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";

dayjs.locale("zh-cn");

// antd's grey text (45 % black) fails WCAG AA contrast on white; these stay above 4.5:1.
const READABLE_TEXT = {
  colorTextSecondary: "rgba(0, 0, 0, 0.65)",
  colorTextTertiary: "rgba(0, 0, 0, 0.6)",
  colorTextDescription: "rgba(0, 0, 0, 0.62)",
  colorSuccessText: "#237804",
  colorWarningText: "#ad4e00",
  colorErrorText: "#b71c1c",
  colorError: "#cf1322",
  // Links and placeholders too: antd's #1677ff and 25 % black are below 4.5:1 on white.
  colorLink: "#0b57d0",
  colorLinkHover: "#0842a0",
  colorTextPlaceholder: "rgba(0, 0, 0, 0.6)",
};

export function AntdProvider({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#b71c1c", borderRadius: 4, ...READABLE_TEXT } }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
