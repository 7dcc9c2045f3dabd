import { MonthlyReportsView } from "./MonthlyReportsView";

export default function MonthlyReportsPage() {
  return <MonthlyReportsView />;
}
