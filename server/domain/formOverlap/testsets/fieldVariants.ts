// Labelled field-name variants as departments actually write them: format
// noise, numbering, units in brackets, and wordings that are not in the seed
// synonym table. `null` means the field is a data item of its own (no
// canonical item): the matcher must leave it unmapped, not guess.
export const FIELD_VARIANTS: [string, string | null][] = [
  // 姓名
  ["姓 名", "NAME"], ["*姓名", "NAME"], ["1.户主姓名", "NAME"], ["姓名（必填）", "NAME"], ["户主姓名(签字确认)", "NAME"],
  ["申请人姓名", "NAME"], ["老人姓名", "NAME"], ["退役军人姓名", "NAME"], ["党员姓名", "NAME"], ["残疾人姓名", "NAME"],
  ["低保对象姓名", "NAME"], ["房主姓名", "NAME"], ["承包方代表姓名", "NAME"], ["家庭成员姓名", "NAME"], ["被调查人姓名", "NAME"],
  // 身份证号
  ["身份证号码（18位）", "ID_NUMBER"], ["公民身份证号码", "ID_NUMBER"], ["身份证号码", "ID_NUMBER"], ["*证件号码", "ID_NUMBER"], ["户主身份证号码", "ID_NUMBER"],
  ["老人身份证号", "ID_NUMBER"], ["申请人身份证号", "ID_NUMBER"], ["居民身份证号", "ID_NUMBER"], ["身份证件号", "ID_NUMBER"], ["公民身份号码(必填)", "ID_NUMBER"],
  ["退役军人身份证号码", "ID_NUMBER"], ["党员身份证号", "ID_NUMBER"], ["承包方代表身份证号", "ID_NUMBER"], ["身份证号(X大写)", "ID_NUMBER"],
  // 性别 / 出生 / 年龄 / 民族
  ["性 别", "GENDER"], ["性别（男/女）", "GENDER"], ["出生年月（yyyy.mm）", "BIRTH_DATE"], ["出生时间", "BIRTH_DATE"], ["出生日期(年月日)", "BIRTH_DATE"],
  ["年龄（岁）", "AGE"], ["实际年龄", "AGE"], ["民 族", "ETHNICITY"], ["所属民族", "ETHNICITY"],
  // 电话
  ["联系电话（手机）", "PHONE"], ["手机号码", "PHONE"], ["本人手机号", "PHONE"], ["户主联系电话", "PHONE"], ["移动电话", "PHONE"],
  ["联系人电话", "PHONE"], ["手机号（11位）", "PHONE"], ["老人联系电话", "PHONE"], ["申请人联系方式", "PHONE"], ["联系电话/手机", "PHONE"],
  ["固定电话或手机", "PHONE"], ["本人联系电话", "PHONE"],
  // 住址
  ["家庭住址（详细到门牌号）", "ADDRESS"], ["现居住地址", "ADDRESS"], ["居住地", "ADDRESS"], ["家庭详细住址", "ADDRESS"], ["户籍所在地", "ADDRESS"],
  ["现住址(门牌号)", "ADDRESS"], ["房屋地址", "ADDRESS"], ["常住地址", "ADDRESS"],
  // 村组 / 文化 / 婚姻 / 政治面貌
  ["所在村民小组", "VILLAGE_GROUP"], ["所在网格", "VILLAGE_GROUP"], ["村民组", "VILLAGE_GROUP"], ["所属村组", "VILLAGE_GROUP"],
  ["文化程度（学历）", "EDUCATION"], ["最高学历", "EDUCATION"], ["婚姻状态", "MARITAL_STATUS"], ["婚姻情况", "MARITAL_STATUS"],
  ["政治面貌（党员/群众）", "POLITICAL_STATUS"], ["政治面目", "POLITICAL_STATUS"],
  // 家庭人口
  ["家庭人口数（人）", "HOUSEHOLD_SIZE"], ["户籍人口", "HOUSEHOLD_SIZE"], ["家庭成员人数", "HOUSEHOLD_SIZE"], ["家庭总人口", "HOUSEHOLD_SIZE"], ["户内人数", "HOUSEHOLD_SIZE"],
  ["共同生活家庭成员数", "HOUSEHOLD_SIZE"], ["全家人口", "HOUSEHOLD_SIZE"], ["家庭人口（口）", "HOUSEHOLD_SIZE"],
  ["与户主关系（本人/配偶/子女）", "RELATION"], ["与户主之关系", "RELATION"], ["家庭成员关系", "RELATION"],
  ["户口性质（农业/非农）", "HUKOU_TYPE"], ["户籍性质", "HUKOU_TYPE"], ["户口簿户号", "HOUSEHOLD_NUMBER"], ["户编码", "HOUSEHOLD_NUMBER"],
  ["是否长期在村居住", "RESIDENCE_STATUS"], ["常住状态", "RESIDENCE_STATUS"],
  // 收入
  ["家庭年收入（元）", "ANNUAL_INCOME"], ["家庭年总收入", "ANNUAL_INCOME"], ["上年家庭收入", "ANNUAL_INCOME"], ["家庭全年总收入(元)", "ANNUAL_INCOME"],
  ["人均纯收入（元）", "PER_CAPITA_INCOME"], ["家庭人均收入", "PER_CAPITA_INCOME"], ["年人均纯收入", "PER_CAPITA_INCOME"], ["人均可支配收入", "PER_CAPITA_INCOME"],
  // 低保 / 特困 / 监测
  ["是否低保", "DIBAO_STATUS"], ["是否为低保户", "DIBAO_STATUS"], ["低保类型", "DIBAO_STATUS"], ["是否享受低保", "DIBAO_STATUS"], ["低保户类别", "DIBAO_STATUS"],
  ["低保金额（元/月）", "DIBAO_AMOUNT"], ["月低保金额", "DIBAO_AMOUNT"], ["保障金（元）", "DIBAO_AMOUNT"], ["每月保障金额", "DIBAO_AMOUNT"],
  ["是否特困", "TEKUN_STATUS"], ["特困供养人员", "TEKUN_STATUS"], ["是否五保", "TEKUN_STATUS"],
  ["是否防返贫监测对象", "MONITOR_STATUS"], ["监测对象类别", "MONITOR_STATUS"], ["是否脱贫人口", "MONITOR_STATUS"], ["是否纳入监测", "MONITOR_STATUS"],
  ["主要致贫原因", "RISK_TYPE"], ["返贫致贫风险类型", "RISK_TYPE"], ["风险类别", "RISK_TYPE"],
  ["已落实帮扶措施", "ASSISTANCE_MEASURES"], ["帮扶措施（可多选）", "ASSISTANCE_MEASURES"],
  ["银行卡号（一卡通）", "BANK_ACCOUNT"], ["银行账户", "BANK_ACCOUNT"], ["开户银行及账号", "BANK_ACCOUNT"], ["社会保障卡号", "BANK_ACCOUNT"],
  // 健康
  ["健康状况（健康/患病/残疾）", "HEALTH_STATUS"], ["身体健康状况", "HEALTH_STATUS"], ["慢性病病种", "CHRONIC_DISEASE"], ["所患慢性病", "CHRONIC_DISEASE"], ["主要疾病", "CHRONIC_DISEASE"],
  ["是否参加城乡居民医保", "MEDICAL_INSURANCE"], ["医保参保", "MEDICAL_INSURANCE"], ["医疗保险参保情况", "MEDICAL_INSURANCE"], ["基本医疗保险", "MEDICAL_INSURANCE"],
  ["是否参加城乡居民养老保险", "PENSION_INSURANCE"], ["养老保险参保", "PENSION_INSURANCE"], ["养老保险缴费情况", "PENSION_INSURANCE"],
  ["是否签约", "FAMILY_DOCTOR"], ["家庭医生签约情况", "FAMILY_DOCTOR"], ["签约家庭医生", "FAMILY_DOCTOR"],
  ["疫苗接种剂次", "VACCINATION"], ["新冠疫苗接种情况", "VACCINATION"], ["最近接种时间", "VACCINATION"],
  // 残疾 / 老龄
  ["是否持证残疾人", "DISABILITY_STATUS"], ["有无残疾", "DISABILITY_STATUS"], ["残疾人证号码", "DISABILITY_CERT"], ["残疾证号（20位）", "DISABILITY_CERT"], ["残疾证编码", "DISABILITY_CERT"],
  ["残疾类别和等级", "DISABILITY_GRADE"], ["残疾程度", "DISABILITY_GRADE"], ["伤残等级", "DISABILITY_GRADE"],
  ["是否独居老人", "LIVING_ALONE"], ["是否空巢老人", "LIVING_ALONE"], ["独居/空巢", "LIVING_ALONE"],
  ["赡养人（监护人）姓名", "GUARDIAN"], ["法定监护人", "GUARDIAN"], ["子女姓名", "GUARDIAN"],
  ["赡养人联系电话", "GUARDIAN_PHONE"], ["监护人手机号", "GUARDIAN_PHONE"], ["子女联系电话", "GUARDIAN_PHONE"],
  ["高龄津贴发放情况", "CARE_SUBSIDY"], ["是否享受高龄补贴", "CARE_SUBSIDY"], ["残疾人两项补贴", "CARE_SUBSIDY"],
  // 住房
  ["房屋结构（砖混/砖木/土木）", "HOUSING_STRUCTURE"], ["房屋结构类型", "HOUSING_STRUCTURE"], ["住房结构类型", "HOUSING_STRUCTURE"],
  ["房屋面积（㎡）", "HOUSING_AREA"], ["建筑面积(平方米)", "HOUSING_AREA"], ["住房建筑面积", "HOUSING_AREA"], ["房屋总面积", "HOUSING_AREA"],
  ["房屋安全鉴定等级", "HOUSING_SAFETY"], ["危房鉴定等级", "HOUSING_SAFETY"], ["是否危房（C/D级）", "HOUSING_SAFETY"], ["鉴定结论", "HOUSING_SAFETY"], ["房屋安全状况", "HOUSING_SAFETY"],
  ["建造年代（年）", "BUILD_YEAR"], ["房屋建造年份", "BUILD_YEAR"], ["建房年份", "BUILD_YEAR"],
  ["房屋层数（层）", "HOUSING_FLOORS"], ["楼层数", "HOUSING_FLOORS"], ["是否用作经营", "HOUSING_USE"], ["房屋使用用途", "HOUSING_USE"],
  // 土地
  ["承包地面积（亩）", "CONTRACT_LAND"], ["承包耕地面积", "CONTRACT_LAND"], ["确权承包面积", "CONTRACT_LAND"], ["家庭承包面积（亩）", "CONTRACT_LAND"],
  ["耕地面积（亩）", "FARMLAND_AREA"], ["实际种植面积", "FARMLAND_AREA"], ["种植面积(亩)", "FARMLAND_AREA"],
  ["土地承包经营权证编号", "LAND_CERT"], ["承包经营权证书编号", "LAND_CERT"], ["确权证号", "LAND_CERT"],
  ["宅基地面积（㎡）", "HOMESTEAD_AREA"], ["宅基地占地", "HOMESTEAD_AREA"],
  ["土地流转面积", "LAND_TRANSFER"], ["是否流转土地", "LAND_TRANSFER"], ["流转情况", "LAND_TRANSFER"],
  ["种植作物品种", "CROP"], ["主要种植作物", "CROP"], ["地块坐落", "PLOT_LOCATION"], ["地块四至", "PLOT_LOCATION"], ["图斑号", "PLOT_LOCATION"],
  // 就业
  ["就业状态", "EMPLOYMENT"], ["务工状态", "EMPLOYMENT"], ["是否外出务工", "EMPLOYMENT"], ["外出务工地点", "WORK_PLACE"], ["务工所在地", "WORK_PLACE"], ["就业单位", "WORK_PLACE"],
  ["月务工收入（元）", "WORK_INCOME"], ["务工年收入", "WORK_INCOME"], ["工资收入", "WORK_INCOME"],
  // 退役军人
  ["入伍年月（年月）", "ENLIST_DATE"], ["入伍时间（年月）", "ENLIST_DATE"], ["参军年月", "ENLIST_DATE"],
  ["退役年月（年月）", "DISCHARGE_DATE"], ["退伍年月", "DISCHARGE_DATE"], ["复员退伍时间", "DISCHARGE_DATE"],
  ["原服役部队", "SERVICE_UNIT"], ["服役部队番号", "SERVICE_UNIT"], ["退役军人类型", "VETERAN_TYPE"], ["优抚对象类别", "VETERAN_TYPE"], ["安置类别", "VETERAN_TYPE"],
  ["立功受奖", "MERIT"], ["受奖情况", "MERIT"],
  // 党员
  ["入党年月（年月）", "PARTY_JOIN_DATE"], ["加入党组织时间", "PARTY_JOIN_DATE"], ["入党时间(年月日)", "PARTY_JOIN_DATE"],
  ["所在党支部名称", "PARTY_BRANCH"], ["所在党组织名称", "PARTY_BRANCH"], ["党支部名称", "PARTY_BRANCH"],
  ["党内职务（无则填无）", "PARTY_POSITION"], ["党费缴纳", "PARTY_FEE"], ["每月应缴党费", "PARTY_FEE"], ["转正日期", "REGULAR_MEMBER_DATE"], ["转为正式党员时间", "REGULAR_MEMBER_DATE"],
  // 安全检查
  ["检查日期（年月日）", "INSPECT_DATE"], ["排查日期", "INSPECT_DATE"], ["巡查时间", "INSPECT_DATE"], ["检查人员签字", "INSPECTOR"], ["排查人员", "INSPECTOR"], ["巡查人姓名", "INSPECTOR"],
  ["隐患具体描述", "HAZARD"], ["发现的问题", "HAZARD"], ["存在的隐患", "HAZARD"], ["安全隐患类型", "HAZARD"],
  ["整改措施及结果", "RECTIFICATION"], ["整改落实情况", "RECTIFICATION"], ["整改完成时限", "RECTIFY_DEADLINE"], ["整改期限（天）", "RECTIFY_DEADLINE"],
  ["场所（单位）名称", "SITE_NAME"], ["经营场所名称", "SITE_NAME"], ["企业（单位）名称", "SITE_NAME"],
  // 村集体
  ["村集体经营性收入（万元）", "COLLECTIVE_INCOME"], ["集体经济经营收入", "COLLECTIVE_INCOME"], ["村级支出合计", "COLLECTIVE_EXPENSE"],
  // 没有对应数据项：应留给监测员判定，不得猜测
  ["化粪池类型", null], ["改厕类型", null], ["垃圾桶数量", null], ["秸秆禁烧责任人", null], ["志愿服务时长", null],
  ["学习笔记篇数", null], ["宣传横幅数量", null], ["河道长度", null], ["路灯盏数", null], ["养殖规模（头）", null],
  ["犬只数量", null], ["燃气报警器安装情况", null], ["灭火器配备数量", null], ["防汛物资名称", null], ["会议次数", null],
  // 与数据项共用词语、但问的是别的事
  ["危房改造补助资金", null], ["耕地撂荒面积", null], ["党员活动次数", null], ["低保政策宣传次数", null], ["房屋租金", null],
  ["医保宣传覆盖率", null], ["退役军人服务站面积", null], ["监测预警次数", null], ["入户走访次数", null], ["网格员人数", null],
];
