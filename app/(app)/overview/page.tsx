import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="总览" description="辖区内各项负担指标的标准化监测数据、趋势和下级对比将在此展示。" />;
}
