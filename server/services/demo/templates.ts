// Believable names for the demo region (domain.md §7 baselines).
import { STANDARD_SIGNBOARDS } from "../../domain/catalogues";

export const DEPARTMENT_SUFFIXES: [string, "PARTY" | "GOVERNMENT" | "MASS"][] = [
  ["委组织部", "PARTY"],
  ["委宣传部", "PARTY"],
  ["委政法委员会", "PARTY"],
  ["民政局", "GOVERNMENT"],
  ["卫生健康局", "GOVERNMENT"],
  ["应急管理局", "GOVERNMENT"],
  ["农业农村局", "GOVERNMENT"],
  ["自然资源局", "GOVERNMENT"],
  ["生态环境局", "GOVERNMENT"],
  ["人力资源和社会保障局", "GOVERNMENT"],
  ["医疗保障局", "GOVERNMENT"],
  ["公安局", "GOVERNMENT"],
  ["统计局", "GOVERNMENT"],
  ["住房和城乡建设局", "GOVERNMENT"],
  ["市场监督管理局", "GOVERNMENT"],
  ["退役军人事务局", "GOVERNMENT"],
  ["妇女联合会", "MASS"],
];

/** Forms on the county's annual list, with fillings allowed per year. */
export const LISTED_FORMS: [string, number][] = [
  ["村级基本情况统计表", 1],
  ["农村低保对象动态管理台账", 12],
  ["防返贫动态监测信息采集表", 12],
  ["村级集体经济收支情况表", 4],
  ["城乡居民医保参保情况统计表", 4],
  ["村级网格员工作情况月报表", 12],
  ["农村人居环境整治进度表", 4],
  ["退役军人信息采集表", 1],
  ["耕地保护巡查记录表", 12],
  ["村级安全隐患排查表", 4],
];

export const UNLISTED_FORMS = [
  "文明村创建材料汇总表",
  "村干部学习笔记检查登记表",
  "垃圾分类入户宣传统计表",
  "村级志愿服务时长统计表",
  "家庭医生签约入户核实表",
  "秸秆禁烧值守人员排班表",
];

export const MATERIALS = [
  "年度工作总结及佐证材料",
  "创建工作汇报材料",
  "宣传活动图片及新闻稿",
  "防汛工作方案及演练照片",
  "半年工作开展情况报告",
];

export const REGISTERED_GROUPS = ["县乡村振兴工作群", "吉事办", "县网格化管理平台", "县民政工作交流群"];
export const UNREGISTERED_GROUPS = [
  "卫健村医随访打卡群",
  "应急值守签到群",
  "安全生产每日一报群",
  "学习强国积分排名群",
  "人社扩面工作群",
];

export const PROOF_DEMANDS = [
  "入户走访须上传现场照片和定位",
  "政策宣传须录制视频上传",
  "每日巡河截图上传工作群",
  "会议现场签到照片报送",
];

export const APPROVED_MECHANISMS = ["村务监督委员会", "人民调解委员会"];
export const UNAPPROVED_MECHANISMS: [string, boolean][] = [
  ["村级禁毒工作站", false],
  ["村级食品安全协管员", true],
  ["村级老龄工作站", false],
  ["村级河长制专职巡查员", true],
  ["村级统计员专岗", true],
];

export const SIGNBOARD_STANDARD = STANDARD_SIGNBOARDS;
export const EXTRA_SIGNBOARDS = [
  "村关心下一代工作委员会",
  "村计生协会",
  "村禁毒工作站",
  "村老年人协会",
  "村食品安全工作站",
  "村调解室",
];

export const NEGATIVE_CERTIFICATE_ASKS = [
  "无犯罪证明",
  "开个单身证明",
  "亲属关系证明",
  "健在证明",
  "居民财产证明",
  "死亡证明",
  "证件遗失证明",
  "就业状况证明",
];
export const LAWFUL_CERTIFICATE_ASKS = ["宅基地使用情况证明", "土地承包经营权证明", "低保申请家庭情况说明"];

export const TASKS: [string, string][] = [
  ["违法建筑巡查整治", "拆迁拆违"],
  ["招商引资任务分解", "招商引资"],
  ["农村自建房安全生产排查", "安全生产"],
  ["流动人口信息登记", ""],
  ["医保参保缴费动员", ""],
  ["秸秆禁烧巡查", "行政执法"],
  ["防汛物资清点", ""],
];

export const INSPECTIONS_IN_PLAN = ["年度乡村振兴实绩考核", "基层党建工作督查"];
export const INSPECTIONS_OUTSIDE = ["文明创建专项检查", "档案规范化管理检查", "网格化工作暗访", "安全生产专项督查"];
