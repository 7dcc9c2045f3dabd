import { RankingsView } from "./RankingsView";

export const metadata = { title: "排名" };

export default function RankingsPage() {
  return <RankingsView />;
}
