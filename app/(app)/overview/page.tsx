import { OverviewView } from "./OverviewView";

export const metadata = { title: "总览" };

export default function OverviewPage() {
  return <OverviewView />;
}
