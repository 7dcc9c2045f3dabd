// Canonical data items (数据项) that village forms ask for, with the seed
// synonym table monitors start from. A field maps to one item; forms overlap
// through shared items. `generic` items (name, phone…) are on almost every
// form, so they weigh less when judging whether two forms are the same.

export interface DataItem {
  key: string;
  label: string;
  group: string;
  generic?: boolean;
  synonyms: string[];
}

export const DATA_ITEMS: DataItem[] = [
  // 基本身份信息
  {
    key: "NAME",
    label: "姓名",
    group: "基本信息",
    generic: true,
    synonyms: ["姓名", "名字", "户主姓名", "人员姓名", "本人姓名", "群众姓名", "对象姓名", "居民姓名", "户主"],
  },
  {
    key: "ID_NUMBER",
    label: "身份证号",
    group: "基本信息",
    generic: true,
    synonyms: [
      "身份证号",
      "身份证号码",
      "公民身份号码",
      "证件号码",
      "身份证件号码",
      "户主身份证号",
      "身份证",
      "居民身份证号码",
    ],
  },
  { key: "GENDER", label: "性别", group: "基本信息", generic: true, synonyms: ["性别"] },
  { key: "BIRTH_DATE", label: "出生日期", group: "基本信息", synonyms: ["出生日期", "出生年月", "出生年月日", "生日"] },
  { key: "AGE", label: "年龄", group: "基本信息", synonyms: ["年龄", "周岁"] },
  { key: "ETHNICITY", label: "民族", group: "基本信息", synonyms: ["民族"] },
  {
    key: "PHONE",
    label: "联系电话",
    group: "基本信息",
    generic: true,
    synonyms: ["联系电话", "手机号码", "手机号", "电话", "联系方式", "电话号码", "手机", "联系手机"],
  },
  {
    key: "ADDRESS",
    label: "家庭住址",
    group: "基本信息",
    generic: true,
    synonyms: ["家庭住址", "住址", "现住址", "居住地址", "家庭地址", "详细地址", "户籍地址", "现居住地"],
  },
  {
    key: "VILLAGE_GROUP",
    label: "所在村组",
    group: "基本信息",
    synonyms: ["所在村组", "村民小组", "组别", "所属网格", "网格", "村组"],
  },
  { key: "EDUCATION", label: "文化程度", group: "基本信息", synonyms: ["文化程度", "学历", "受教育程度"] },
  { key: "MARITAL_STATUS", label: "婚姻状况", group: "基本信息", synonyms: ["婚姻状况", "婚否"] },
  { key: "POLITICAL_STATUS", label: "政治面貌", group: "基本信息", synonyms: ["政治面貌"] },
  // 户籍与家庭
  {
    key: "HOUSEHOLD_SIZE",
    label: "家庭人口数",
    group: "户籍与家庭",
    synonyms: ["家庭人口", "家庭人口数", "户籍人口数", "家庭成员数", "户内人口", "共同生活人数", "人口数"],
  },
  {
    key: "RELATION",
    label: "与户主关系",
    group: "户籍与家庭",
    synonyms: ["与户主关系", "家庭关系", "与户主的关系", "成员关系"],
  },
  {
    key: "HUKOU_TYPE",
    label: "户籍性质",
    group: "户籍与家庭",
    synonyms: ["户籍性质", "户口性质", "户口类型", "户籍类型"],
  },
  { key: "HOUSEHOLD_NUMBER", label: "户号", group: "户籍与家庭", synonyms: ["户号", "户编号", "户口簿编号"] },
  {
    key: "RESIDENCE_STATUS",
    label: "是否常住",
    group: "户籍与家庭",
    synonyms: ["是否常住", "常住情况", "居住状态", "是否在村居住", "人户分离情况"],
  },
  // 收入与社会救助
  {
    key: "ANNUAL_INCOME",
    label: "家庭年收入",
    group: "收入与救助",
    synonyms: ["家庭年收入", "年收入", "家庭总收入", "全年收入"],
  },
  {
    key: "PER_CAPITA_INCOME",
    label: "家庭人均纯收入",
    group: "收入与救助",
    synonyms: ["人均纯收入", "家庭人均纯收入", "人均收入", "人均年收入"],
  },
  {
    key: "DIBAO_STATUS",
    label: "是否低保对象",
    group: "收入与救助",
    synonyms: ["是否低保户", "是否低保对象", "低保", "低保对象", "低保户", "享受低保情况", "低保类别"],
  },
  {
    key: "DIBAO_AMOUNT",
    label: "低保金额",
    group: "收入与救助",
    synonyms: ["低保金额", "月保障金额", "低保金", "保障金额", "月低保金"],
  },
  {
    key: "TEKUN_STATUS",
    label: "是否特困供养",
    group: "收入与救助",
    synonyms: ["是否特困供养", "特困供养", "是否特困人员", "五保户", "特困人员"],
  },
  {
    key: "MONITOR_STATUS",
    label: "是否防返贫监测对象",
    group: "收入与救助",
    synonyms: ["是否监测对象", "防返贫监测对象", "监测对象类型", "是否脱贫户", "脱贫户", "监测户"],
  },
  {
    key: "RISK_TYPE",
    label: "返贫致贫风险",
    group: "收入与救助",
    synonyms: ["风险类型", "致贫原因", "返贫风险", "主要风险", "致贫风险"],
  },
  {
    key: "ASSISTANCE_MEASURES",
    label: "帮扶措施",
    group: "收入与救助",
    synonyms: ["帮扶措施", "帮扶情况", "落实帮扶措施"],
  },
  {
    key: "BANK_ACCOUNT",
    label: "银行账号",
    group: "收入与救助",
    synonyms: ["银行账号", "银行卡号", "社保卡号", "一卡通账号", "开户行账号", "惠民惠农一卡通"],
  },
  // 健康与医保
  { key: "HEALTH_STATUS", label: "健康状况", group: "健康与医保", synonyms: ["健康状况", "身体状况", "身体情况"] },
  {
    key: "CHRONIC_DISEASE",
    label: "慢性病情况",
    group: "健康与医保",
    synonyms: ["慢性病", "慢性病种类", "患病情况", "疾病名称", "所患疾病", "疾病"],
  },
  {
    key: "MEDICAL_INSURANCE",
    label: "医保参保情况",
    group: "健康与医保",
    synonyms: ["是否参加医保", "医保参保情况", "参保情况", "城乡居民医保", "医疗保险"],
  },
  {
    key: "PENSION_INSURANCE",
    label: "养老保险参保情况",
    group: "健康与医保",
    synonyms: ["是否参加养老保险", "养老保险", "养老保险参保情况", "城乡居民养老保险"],
  },
  {
    key: "FAMILY_DOCTOR",
    label: "家庭医生签约",
    group: "健康与医保",
    synonyms: ["家庭医生签约", "是否签约家庭医生", "签约医生", "签约情况"],
  },
  {
    key: "VACCINATION",
    label: "疫苗接种情况",
    group: "健康与医保",
    synonyms: ["疫苗接种情况", "接种剂次", "是否接种疫苗", "接种时间"],
  },
  // 残疾与老龄
  {
    key: "DISABILITY_STATUS",
    label: "是否残疾",
    group: "残疾与老龄",
    synonyms: ["是否残疾", "残疾情况", "是否残疾人"],
  },
  {
    key: "DISABILITY_CERT",
    label: "残疾证号",
    group: "残疾与老龄",
    synonyms: ["残疾证号", "残疾人证号", "残疾证编号", "第二代残疾人证号"],
  },
  {
    key: "DISABILITY_GRADE",
    label: "残疾类别等级",
    group: "残疾与老龄",
    synonyms: ["残疾等级", "残疾类别", "残疾类别及等级", "残疾级别"],
  },
  {
    key: "LIVING_ALONE",
    label: "是否独居空巢",
    group: "残疾与老龄",
    synonyms: ["是否独居", "是否空巢", "独居情况", "空巢老人", "居住方式"],
  },
  {
    key: "GUARDIAN",
    label: "赡养人监护人",
    group: "残疾与老龄",
    synonyms: ["赡养人", "监护人", "赡养人姓名", "监护人姓名", "子女联系人", "紧急联系人"],
  },
  {
    key: "GUARDIAN_PHONE",
    label: "赡养人监护人电话",
    group: "残疾与老龄",
    synonyms: ["赡养人电话", "监护人电话", "紧急联系人电话", "子女电话", "监护人联系方式"],
  },
  {
    key: "CARE_SUBSIDY",
    label: "高龄护理补贴",
    group: "残疾与老龄",
    synonyms: ["高龄补贴", "护理补贴", "两项补贴", "高龄津贴", "养老服务补贴"],
  },
  // 住房
  {
    key: "HOUSING_STRUCTURE",
    label: "房屋结构",
    group: "住房",
    synonyms: ["房屋结构", "结构类型", "建筑结构", "住房结构"],
  },
  {
    key: "HOUSING_AREA",
    label: "房屋面积",
    group: "住房",
    synonyms: ["房屋面积", "建筑面积", "住房面积", "房屋建筑面积"],
  },
  {
    key: "HOUSING_SAFETY",
    label: "房屋安全等级",
    group: "住房",
    synonyms: ["房屋安全等级", "鉴定等级", "危房等级", "安全鉴定结果", "住房安全状况", "是否危房"],
  },
  {
    key: "BUILD_YEAR",
    label: "建造年代",
    group: "住房",
    synonyms: ["建造年代", "建造年份", "建房时间", "建成年份", "建造时间"],
  },
  { key: "HOUSING_FLOORS", label: "房屋层数", group: "住房", synonyms: ["房屋层数", "层数", "建筑层数"] },
  {
    key: "HOUSING_USE",
    label: "房屋用途",
    group: "住房",
    synonyms: ["房屋用途", "使用用途", "是否经营", "是否用于经营"],
  },
  // 土地
  {
    key: "CONTRACT_LAND",
    label: "承包地面积",
    group: "土地",
    synonyms: ["承包地面积", "承包面积", "承包土地面积", "确权面积"],
  },
  {
    key: "FARMLAND_AREA",
    label: "耕地面积",
    group: "土地",
    synonyms: ["耕地面积", "实际耕种面积", "种植面积", "播种面积"],
  },
  {
    key: "LAND_CERT",
    label: "土地承包经营权证号",
    group: "土地",
    synonyms: ["土地承包经营权证号", "承包经营权证编号", "确权证书编号", "经营权证号"],
  },
  { key: "HOMESTEAD_AREA", label: "宅基地面积", group: "土地", synonyms: ["宅基地面积", "宅基地占地面积", "占地面积"] },
  {
    key: "LAND_TRANSFER",
    label: "土地流转情况",
    group: "土地",
    synonyms: ["土地流转情况", "流转面积", "是否流转", "流转对象"],
  },
  { key: "CROP", label: "种植作物", group: "土地", synonyms: ["种植作物", "种植品种", "作物种类", "主要作物"] },
  {
    key: "PLOT_LOCATION",
    label: "地块位置",
    group: "土地",
    synonyms: ["地块位置", "地块名称", "四至", "坐落位置", "图斑编号"],
  },
  // 就业
  {
    key: "EMPLOYMENT",
    label: "就业状况",
    group: "就业",
    synonyms: ["就业状况", "就业情况", "务工情况", "是否就业", "从业状况"],
  },
  {
    key: "WORK_PLACE",
    label: "务工地点",
    group: "就业",
    synonyms: ["务工地点", "务工地址", "就业地点", "工作单位", "务工单位"],
  },
  { key: "WORK_INCOME", label: "务工收入", group: "就业", synonyms: ["务工收入", "工资性收入", "月收入", "月工资"] },
  // 退役军人
  {
    key: "ENLIST_DATE",
    label: "入伍时间",
    group: "退役军人",
    synonyms: ["入伍时间", "入伍年月", "参军时间", "入伍日期"],
  },
  {
    key: "DISCHARGE_DATE",
    label: "退役时间",
    group: "退役军人",
    synonyms: ["退役时间", "退伍时间", "退役年月", "复员时间", "退役日期"],
  },
  {
    key: "SERVICE_UNIT",
    label: "服役部队",
    group: "退役军人",
    synonyms: ["服役部队", "原部队番号", "服役单位", "所在部队"],
  },
  {
    key: "VETERAN_TYPE",
    label: "退役军人类别",
    group: "退役军人",
    synonyms: ["退役类别", "退役军人类别", "安置方式", "优抚类别", "人员类别"],
  },
  {
    key: "MERIT",
    label: "立功受奖情况",
    group: "退役军人",
    synonyms: ["立功受奖情况", "立功情况", "获奖情况", "荣誉情况"],
  },
  // 党员
  { key: "PARTY_JOIN_DATE", label: "入党时间", group: "党员", synonyms: ["入党时间", "入党日期", "入党年月"] },
  {
    key: "PARTY_BRANCH",
    label: "所在党支部",
    group: "党员",
    synonyms: ["所在党支部", "党支部", "所在支部", "党组织名称", "所在党组织"],
  },
  { key: "PARTY_POSITION", label: "党内职务", group: "党员", synonyms: ["党内职务", "现任职务", "职务"] },
  {
    key: "PARTY_FEE",
    label: "党费缴纳情况",
    group: "党员",
    synonyms: ["党费缴纳情况", "党费", "月缴党费", "交纳党费"],
  },
  {
    key: "REGULAR_MEMBER_DATE",
    label: "转正时间",
    group: "党员",
    synonyms: ["转正时间", "转正日期", "预备党员转正时间"],
  },
  // 安全检查
  {
    key: "INSPECT_DATE",
    label: "检查时间",
    group: "安全检查",
    synonyms: ["检查时间", "检查日期", "排查时间", "巡查日期", "巡查时间"],
  },
  {
    key: "INSPECTOR",
    label: "检查人员",
    group: "安全检查",
    synonyms: ["检查人员", "检查人", "排查人", "巡查人", "巡查人员"],
  },
  {
    key: "HAZARD",
    label: "隐患描述",
    group: "安全检查",
    synonyms: ["隐患描述", "隐患类型", "存在问题", "发现问题", "隐患情况", "隐患"],
  },
  {
    key: "RECTIFICATION",
    label: "整改措施",
    group: "安全检查",
    synonyms: ["整改措施", "整改情况", "整改结果", "处置情况"],
  },
  { key: "RECTIFY_DEADLINE", label: "整改时限", group: "安全检查", synonyms: ["整改时限", "整改期限", "完成时限"] },
  {
    key: "SITE_NAME",
    label: "场所名称",
    group: "安全检查",
    synonyms: ["场所名称", "单位名称", "经营场所", "企业名称"],
  },
  // 村集体
  {
    key: "COLLECTIVE_INCOME",
    label: "村集体经营收入",
    group: "村集体",
    synonyms: ["集体经营收入", "经营性收入", "村集体收入", "集体经济收入"],
  },
  { key: "COLLECTIVE_EXPENSE", label: "村集体支出", group: "村集体", synonyms: ["集体支出", "村级支出", "支出合计"] },
];

/** Header cells that are not data a village supplies (row numbers, signatures). */
export const STRUCTURAL_FIELDS = [
  "序号",
  "编号",
  "备注",
  "说明",
  "填表人",
  "填报人",
  "填表日期",
  "填报日期",
  "审核人",
  "签字",
  "签名",
  "本人签字",
  "盖章",
  "合计",
  "小计",
];

export const DATA_ITEM_BY_KEY = new Map(DATA_ITEMS.map((i) => [i.key, i]));

/**
 * Word-level synonyms applied to both sides before comparing: the same item
 * is written with interchangeable words (手机/电话, 年月/日期, 情况/状况).
 * Order matters: longer phrases first.
 */
export const WORD_SYNONYMS: [RegExp, string][] = [
  [/^(是否为|是否|有无)/, ""],
  [/的/g, ""],
  [/手机号码|手机号|手机|移动电话/g, "电话"],
  [/出生年月日/g, "出生时间"],
  [/年月日|年月|日期|年份|年代/g, "时间"],
  [/情况|状态|状况/g, "状况"],
  [/类型/g, "类别"],
  [/程度/g, "等级"],
  [/伤残/g, "残疾"],
  [/人数/g, "人口"],
  [/总人口|全家人口/g, "家庭人口"],
  [/全家/g, "家庭"],
  [/总面积/g, "面积"],
  [/总收入/g, "收入"],
  [/证书编号|证编号/g, "证号"],
  [/编码|编号|号码/g, "号"],
  [/所在地|住址/g, "地址"],
  [/坐落/g, "位置"],
  [/社会保障/g, "社保"],
  [/退伍/g, "退役"],
  [/参军/g, "入伍"],
  [/加入党组织/g, "入党"],
  [/结论/g, "结果"],
  // Trailing nouns that only say "a person/household with this status": 特困人员 = 特困, 是否签约 = 签约状况.
  [/(签字|签名)$/, ""],
  [/(人员|对象|户|老人|状况)$/, ""],
];

/**
 * A person word before the head changes whose data it is: 子女联系电话 is the
 * guardian's phone, not the villager's; 巡查人姓名 names the inspector.
 */
export const ROLE_QUALIFIERS: { qualifiers: RegExp; head: string; itemKey: string }[] = [
  { qualifiers: /赡养人|监护人|子女|紧急联系人/, head: "PHONE", itemKey: "GUARDIAN_PHONE" },
  { qualifiers: /赡养人|监护人|子女|紧急联系人/, head: "NAME", itemKey: "GUARDIAN" },
  { qualifiers: /检查人|巡查人|排查人/, head: "NAME", itemKey: "INSPECTOR" },
];
