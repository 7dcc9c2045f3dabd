import { YibiaotongView } from "./YibiaotongView";

export default function YibiaotongPage() {
  return <YibiaotongView />;
}
