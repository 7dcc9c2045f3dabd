import { ReportsWorkspace } from "./ReportsWorkspace";

export default function ReportsPage() {
  return <ReportsWorkspace />;
}
