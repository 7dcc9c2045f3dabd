import { RecordsWorkspace } from "./RecordsWorkspace";

export const metadata = { title: "数据采集" };

export default function RecordsPage() {
  return <RecordsWorkspace />;
}
