import { RulesView } from "./RulesView";

export const metadata = { title: "预警规则" };

export default function RulesPage() {
  return <RulesView />;
}
