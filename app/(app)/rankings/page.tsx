import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="排名" description="县（乡）减负得分排名、排名区间和部门负担排行将在此展示。" />;
}
