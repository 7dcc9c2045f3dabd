import { AlertInbox } from "./AlertInbox";

export default function AlertsPage() {
  return <AlertInbox />;
}
