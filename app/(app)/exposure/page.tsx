import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="通报曝光" description="通报曝光案例的起草、审批、发布与整改跟踪将在此展示。" />;
}
