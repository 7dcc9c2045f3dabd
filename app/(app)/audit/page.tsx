import { AuditLogView } from "./AuditLogView";

export const metadata = { title: "审计日志" };

export default function AuditPage() {
  return <AuditLogView />;
}
