// Field lists of the demo forms, worded the way each department writes them,
// so the same facts appear under different names across forms (the overlap
// 一表通 finds). Titles of the existing demo forms keep their names; the
// others are further forms on the county's annual list.

export interface DemoFormFields {
  title: string;
  /** Department name suffix (see DEPARTMENT_SUFFIXES). */
  department: string;
  fields: string;
  /** Set for forms added to the annual list here (not in LISTED_FORMS). */
  allowedPerYear?: number;
}

export const DEMO_FORM_FIELDS: DemoFormFields[] = [
  // 已在目录中的演示表格
  {
    title: "村级基本情况统计表",
    department: "统计局",
    fields:
      "村名、总户数、户籍人口总数、常住人口总数、党员人数、村干部人数、耕地总面积、村集体经营性收入、填表人、填表日期",
  },
  {
    title: "农村低保对象动态管理台账",
    department: "民政局",
    fields:
      "序号、户主姓名、身份证号、家庭人口、低保类别、月保障金额、家庭年收入、人均纯收入、致贫原因、银行卡号、联系电话、备注",
  },
  {
    title: "防返贫动态监测信息采集表",
    department: "农业农村局",
    fields:
      "户主姓名、公民身份号码、家庭人口数、是否低保户、监测对象类别、风险类别、家庭年总收入、家庭人均纯收入、帮扶措施、一卡通账号、联系方式",
  },
  {
    title: "村级集体经济收支情况表",
    department: "农业农村局",
    fields: "集体经营收入、经营性收入、集体支出、支出合计、备注",
  },
  {
    title: "城乡居民医保参保情况统计表",
    department: "医疗保障局",
    fields: "户主姓名、身份证号、家庭人口数、是否参加医保、是否低保户、是否特困供养、是否脱贫户、联系电话",
  },
  {
    title: "村级网格员工作情况月报表",
    department: "委政法委员会",
    fields: "网格员姓名、所在网格、入户走访次数、矛盾纠纷排查数、联系电话",
  },
  {
    title: "农村人居环境整治进度表",
    department: "农业农村局",
    fields: "村民小组、改厕户数、垃圾清运次数、村庄清洁行动次数、完成情况",
  },
  {
    title: "退役军人信息采集表",
    department: "退役军人事务局",
    fields:
      "姓名、性别、身份证号、出生年月、入伍时间、退役时间、服役部队、退役军人类别、立功受奖情况、联系电话、家庭住址",
  },
  {
    title: "耕地保护巡查记录表",
    department: "自然资源局",
    fields: "巡查日期、巡查人员、地块位置、图斑编号、耕地面积、存在问题、整改措施、整改时限",
  },
  {
    title: "村级安全隐患排查表",
    department: "应急管理局",
    fields: "排查时间、排查人、场所名称、隐患类型、隐患描述、整改措施、整改时限、备注",
  },
  {
    title: "文明村创建材料汇总表",
    department: "委宣传部",
    fields: "创建项目、完成情况、佐证材料份数、责任人姓名、联系电话",
  },
  { title: "村干部学习笔记检查登记表", department: "委组织部", fields: "姓名、职务、学习笔记篇数、检查日期" },
  { title: "垃圾分类入户宣传统计表", department: "生态环境局", fields: "户主姓名、家庭住址、宣传日期、垃圾桶数量" },
  { title: "村级志愿服务时长统计表", department: "委宣传部", fields: "志愿者姓名、联系电话、志愿服务时长、服务项目" },
  {
    title: "家庭医生签约入户核实表",
    department: "卫生健康局",
    fields: "姓名、身份证号码、家庭住址、签约医生、是否签约家庭医生、慢性病种类、健康状况、医保参保情况、联系电话",
  },
  { title: "秸秆禁烧值守人员排班表", department: "生态环境局", fields: "值守人员姓名、联系电话、值守时段、值守地点" },
  // 目录中的其他表格（各部门实际下发的类型）
  {
    title: "困难群众医保资助对象名册",
    department: "医疗保障局",
    fields: "姓名、身份证号码、是否低保对象、是否特困人员、是否监测对象、医疗保险参保情况、资助金额",
    allowedPerYear: 2,
  },
  {
    title: "人口信息采集表",
    department: "公安局",
    fields: "姓名、性别、民族、出生日期、公民身份号码、与户主关系、户口性质、文化程度、婚姻状况、家庭住址、联系电话",
    allowedPerYear: 1,
  },
  {
    title: "农村危房改造对象信息表",
    department: "住房和城乡建设局",
    fields: "户主姓名、身份证号、家庭人口、是否低保户、是否脱贫户、房屋结构、鉴定等级、建造年代、建筑面积、联系电话",
    allowedPerYear: 2,
  },
  {
    title: "农村房屋安全隐患排查登记表",
    department: "住房和城乡建设局",
    fields:
      "房主姓名、身份证号码、房屋地址、建房年份、结构类型、房屋层数、房屋面积（㎡）、是否用于经营、房屋安全鉴定等级、手机号码",
    allowedPerYear: 4,
  },
  {
    title: "经营性自建房安全排查表",
    department: "应急管理局",
    fields: "房主姓名、房屋地址、房屋层数、建筑面积、房屋用途、房屋结构、安全鉴定结果、经营场所名称、联系电话",
    allowedPerYear: 4,
  },
  {
    title: "老年人信息登记表",
    department: "民政局",
    fields: "姓名、性别、出生日期、身份证号、是否独居、健康状况、赡养人姓名、赡养人电话、是否享受高龄补贴、家庭住址",
    allowedPerYear: 1,
  },
  {
    title: "高龄津贴发放花名册",
    department: "民政局",
    fields: "老人姓名、出生年月、公民身份证号码、是否空巢老人、高龄津贴、社保卡号、监护人电话",
    allowedPerYear: 4,
  },
  {
    title: "残疾人基本状况调查表",
    department: "民政局",
    fields: "姓名、身份证号、残疾证号、残疾类别、残疾等级、是否享受低保、就业状况、医保参保情况、联系电话",
    allowedPerYear: 1,
  },
  {
    title: "困难残疾人两项补贴核查表",
    department: "民政局",
    fields: "残疾人姓名、身份证号码、残疾人证号码、残疾类别及等级、是否低保户、护理补贴、银行账号、手机号码",
    allowedPerYear: 4,
  },
  {
    title: "优抚对象信息核查表",
    department: "退役军人事务局",
    fields: "姓名、公民身份号码、优抚类别、入伍年月、退伍年月、原服役部队、银行卡号、联系方式",
    allowedPerYear: 2,
  },
  {
    title: "党员信息采集表",
    department: "委组织部",
    fields: "姓名、性别、民族、出生日期、文化程度、入党时间、转正时间、所在党支部、党内职务、联系电话",
    allowedPerYear: 1,
  },
  {
    title: "流动党员登记表",
    department: "委组织部",
    fields: "党员姓名、公民身份号码、入党年月、转正日期、党支部名称、外出务工地点、手机号",
    allowedPerYear: 2,
  },
  {
    title: "土地承包经营权信息核实表",
    department: "农业农村局",
    fields: "承包方代表姓名、身份证号、家庭人口、承包地面积、确权面积、土地承包经营权证号、地块名称、四至、联系电话",
    allowedPerYear: 1,
  },
  {
    title: "耕地地力保护补贴面积核实表",
    department: "农业农村局",
    fields: "户主姓名、身份证号码、承包面积（亩）、实际种植面积、确权承包面积、地块坐落、银行卡号、手机号码",
    allowedPerYear: 1,
  },
  {
    title: "燃气安全检查记录表",
    department: "住房和城乡建设局",
    fields: "检查时间、检查人员、经营场所名称、存在问题、整改措施、燃气报警器安装情况",
    allowedPerYear: 4,
  },
  {
    title: "农村劳动力转移就业统计表",
    department: "人力资源和社会保障局",
    fields: "姓名、性别、身份证号、文化程度、就业状况、务工地点、务工收入、联系电话",
    allowedPerYear: 4,
  },
];
