import { GlossaryView } from "./GlossaryView";

export const metadata = { title: "术语说明" };

export default function GlossaryPage() {
  return <GlossaryView />;
}
