import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="规则" description="预警规则及其阈值、版本将在此展示。" />;
}
