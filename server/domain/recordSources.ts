// Where a burden record came from. A department's own report of a demand it is
// about to impose (自查后登记) is its own source: admission is meant to work that
// way, and monitors must be able to tell it from what they found themselves.
export const RECORD_SOURCES = ["MANUAL", "IMPORT", "DIRECT_REPORT", "SELF_REPORT", "DEMO"] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export const RECORD_SOURCE_NAMES: Record<RecordSource, string> = {
  MANUAL: "人工录入",
  IMPORT: "台账导入",
  DIRECT_REPORT: "村级直报",
  SELF_REPORT: "部门自报",
  DEMO: "演示数据",
};
