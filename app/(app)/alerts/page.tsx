import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="预警" description="阈值预警的实时收件箱、签收、指派与处置将在此展示。" />;
}
