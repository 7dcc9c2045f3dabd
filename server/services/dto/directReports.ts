import type { BurdenKind } from "../../domain/burdenKinds";

export type DirectReportStatus = "RECEIVED" | "CONVERTED" | "REJECTED";

/** A village's direct report as monitors triage it; the reporter's name and phone only when they chose to give them. */
export interface DirectReportDto {
  id: string;
  receiptNo: string;
  regionCode: string;
  villageName: string;
  kind: BurdenKind;
  departmentName: string;
  content: string;
  hasPhoto: boolean;
  anonymous: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  status: DirectReportStatus;
  handlingNote: string | null;
  recordId: string | null;
  createdAt: Date;
}
