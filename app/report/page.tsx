import type { Metadata, Viewport } from "next";
import { DirectReportApp } from "./DirectReportApp";

export const metadata: Metadata = { title: "村级减负直报" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function ReportPage() {
  return <DirectReportApp />;
}
