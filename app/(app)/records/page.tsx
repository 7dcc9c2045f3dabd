import { RecordsWorkspace } from "./RecordsWorkspace";

export default function RecordsPage() {
  return <RecordsWorkspace />;
}
