import { RankingsView } from "./RankingsView";

export default function RankingsPage() {
  return <RankingsView />;
}
