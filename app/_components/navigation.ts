export const NAV_ITEMS = [
  { href: "/overview", label: "总览" },
  { href: "/rankings", label: "排名" },
  { href: "/alerts", label: "预警" },
  { href: "/exposure", label: "通报曝光" },
  { href: "/records", label: "数据采集" },
  { href: "/reviews", label: "待核实", monitorsOnly: true },
  { href: "/catalogue", label: "目录与准入" },
  { href: "/rules", label: "规则" },
  { href: "/reports", label: "直报" },
  { href: "/regions", label: "区划" },
  { href: "/audit", label: "审计日志" },
  { href: "/admin/users", label: "账号管理", adminOnly: true },
] as const;
