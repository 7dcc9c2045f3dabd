import type { ProcedurePath } from "@/server/api/permissions";

/**
 * The menu. Each item names the tRPC procedure its page needs (server/api/permissions.ts);
 * a role that may not call it never sees the item. A new page plugs in with one line.
 */
export interface NavItem {
  href: string;
  label: string;
  /** Procedure the page loads first; omitted for pages every signed-in user may open. */
  needs?: ProcedurePath;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/overview", label: "总览", needs: "metrics.overview" },
  { href: "/rankings", label: "排名", needs: "ranking.peers" },
  { href: "/alerts", label: "预警", needs: "alert.list" },
  { href: "/exposure", label: "通报曝光", needs: "exposure.list" },
  { href: "/rectification", label: "整改", needs: "rectification.list" },
  { href: "/department", label: "本部门", needs: "department.workspace" },
  { href: "/monthly-reports", label: "月报", needs: "monthlyReport.list" },
  { href: "/channels", label: "通知渠道", needs: "channel.list" },
  { href: "/records", label: "数据采集", needs: "record.list" },
  { href: "/catalogue", label: "目录与准入", needs: "catalogue.list" },
  { href: "/yibiaotong", label: "一表通", needs: "formOverlap.county" },
  { href: "/rules", label: "规则", needs: "rule.list" },
  { href: "/reports", label: "直报", needs: "directReport.list" },
  { href: "/regions", label: "区划", needs: "region.detail" },
  { href: "/audit", label: "审计日志", needs: "audit.list" },
  { href: "/admin/users", label: "账号管理", needs: "user.list" },
  { href: "/glossary", label: "术语说明" },
];
