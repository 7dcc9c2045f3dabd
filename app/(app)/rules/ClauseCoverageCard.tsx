import { Card } from "antd";
import { RowsTable } from "../../_components/QueryTable";

// What each clause of the opinion and each later rule is checked by, and, where a burden
// record cannot show a breach, why it is outside automatic judgement.
const COVERAGE: { clause: string; checked: string }[] = [
  {
    clause: "第1条 明确村级组织工作事务",
    checked:
      "派交事务未经县级统一部署；按词语识别村级组织被要求作为行政执法、拆迁拆违、招商引资、安全生产的责任主体（含同义说法与否定、协助表述），事项清单可在“目录与准入”中维护。",
  },
  {
    clause: "第2条 创新村级组织工作方式",
    checked:
      "填报表格重复采集村级已报送的数据（未做到一次采集、多方利用）判为违规。为村代办服务是否由乡镇提供工作条件，是乡镇与村之间的保障安排，负担记录无法反映，不作自动判定，由督查核实。",
  },
  {
    clause: "第3条 完善考核评价机制",
    checked:
      "表格未列入县级目录或超过目录频次（按实际下达次数计数）；材料未经县级部署或重复索要；工作群和政务APP未列入清单、强制打卡积分在线时长、强制下载、接龙或即时回复；用于考核评价的截图录像定位留痕。",
  },
  {
    clause: "第4条 从严控制村级工作机制",
    checked:
      "工作机制和专人专岗须经省级批准（县级目录不构成批准），专人专岗须与批准一致；法律或中央依据须为可核对的法规名称或文号，否则待核实。",
  },
  {
    clause: "第5条 整合办公场所",
    checked:
      "要求村级单设办公场所或功能室（记录中“是否要求单设办公场所”）判为违规。党群服务中心是否实行一站式、一门式办理属服务方式，负担记录无法反映，不作自动判定。",
  },
  {
    clause: "第6条 规范挂牌",
    checked:
      "对口挂牌；室外挂牌不在省级规范内（含村名、社区名的写法按规范名称识别）。挂牌是持续性负担，摘牌后不再计入。",
  },
  {
    clause: "第7条 压减证明事项",
    checked: "属于负面清单事项；不在清单上但无法律法规或国务院决定依据；依据无法核对的待核实。",
  },
  {
    clause: "第8条 规范出具证明工作",
    checked:
      "要求的是村级组织依法及时、按省级格式出具证明，约束的是村而不是向村下达负担的部门，负担记录无法反映，不作自动判定；可通过村级直报反映。",
  },
  {
    clause: "2024年《整治形式主义为基层减负若干规定》",
    checked: "督查检查考核未列入年度计划或超过计划次数（按实际次数计数）；督查检查中重复要求报送表格材料。",
  },
  {
    clause: "2024年《关于防治“指尖上的形式主义”的若干意见》",
    checked: "强制下载政务APP或考核下载率；在工作群要求打卡、接龙或即时回复。",
  },
];

export function ClauseCoverageCard() {
  return (
    <Card title="各条款的判定范围" size="small" data-testid="clause-coverage">
      <RowsTable
        rowKey="clause"
        dataSource={COVERAGE}
        columns={[
          { title: "条款", dataIndex: "clause", width: 280 },
          { title: "自动判定内容 / 不作自动判定的原因", dataIndex: "checked" },
        ]}
      />
    </Card>
  );
}
