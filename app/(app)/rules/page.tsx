import { RulesView } from "./RulesView";

export default function RulesPage() {
  return <RulesView />;
}
