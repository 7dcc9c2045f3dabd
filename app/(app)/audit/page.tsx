import { AuditLogView } from "./AuditLogView";

export default function AuditPage() {
  return <AuditLogView />;
}
