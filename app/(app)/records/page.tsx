import { ComingLater } from "../../_components/ComingLater";

export default function Page() {
  return <ComingLater title="数据采集" description="各类负担记录的录入、编辑、撤回与台账导入导出将在此展示。" />;
}
