// Chinese names of audit actions and entities, for the audit log page.

export const AUDIT_ACTION_NAMES: Record<string, string> = {
  CREATE: "新增",
  UPDATE: "修改",
  WITHDRAW: "撤回",
  IMPORT: "导入台账",
  APPROVE: "批准准入",
  REJECT: "驳回准入",
  ADMISSION_SUBMIT: "提交准入申请",
  CATALOGUE_CREATE: "新增目录条目",
  CATALOGUE_UPDATE: "目录条目新版本",
  CATALOGUE_RETIRE: "停用目录条目",
  RECLASSIFY: "重新判定",
  ACCESS_CODE_ISSUE: "发放直报访问码",
  REPORT_CONVERT: "直报转为记录",
  REPORT_REJECT: "直报不予采纳",
  SCORE_SETTINGS: "修改评分设置",
};

export const AUDIT_ENTITY_NAMES: Record<string, string> = {
  BurdenRecord: "负担记录",
  ImportBatch: "台账导入",
  AdmissionRequest: "准入申请",
  CatalogueItem: "目录条目",
  MonitoringPoint: "监测点",
  DirectReport: "直报",
  ScoreConfig: "评分设置",
};
