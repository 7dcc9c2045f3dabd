import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="直报" description="村级监测点的直报受理与转办将在此展示。" />;
}
