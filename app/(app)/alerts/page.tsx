import { AlertInbox } from "./AlertInbox";

export const metadata = { title: "预警" };

export default function AlertsPage() {
  return <AlertInbox />;
}
