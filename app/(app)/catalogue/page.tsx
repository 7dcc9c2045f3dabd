import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="目录与准入" description="县级统一填报表格目录、机制、挂牌规范、证明负面清单与准入申请将在此展示。" />;
}
