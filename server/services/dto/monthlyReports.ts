/** An archived 月度减负监测报告 without its document (downloaded separately). */
export interface MonthlyReportDto {
  id: string;
  regionCode: string;
  period: number;
  version: number;
  fileName: string;
  sizeBytes: number;
  trigger: "SCHEDULED" | "MANUAL";
  createdAt: Date;
}

export interface MonthlyReportListItem extends MonthlyReportDto {
  createdById: string | null;
  regionName: string;
  createdByName: string;
}

export const triggerOf = (trigger: string): MonthlyReportDto["trigger"] =>
  trigger === "SCHEDULED" ? "SCHEDULED" : "MANUAL";
