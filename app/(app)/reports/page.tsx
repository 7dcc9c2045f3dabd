import { ReportsWorkspace } from "./ReportsWorkspace";

export const metadata = { title: "直报受理" };

export default function ReportsPage() {
  return <ReportsWorkspace />;
}
