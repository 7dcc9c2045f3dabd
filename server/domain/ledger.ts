// Excel/CSV ledger (台账) columns and row parsing, one layout per burden kind.
import { DETAIL_FIELDS, parseDetails, type FieldSpec } from "./burdenDetails";
import { BURDEN_KIND_NAMES, type BurdenKind } from "./burdenKinds";
import { evidenceProblem, occurredOnProblem, scopeLevelProblem, titleProblem, unitsProblem } from "./burdenRecord";

export type Cell = string | number | boolean | Date | null | undefined;

export interface LedgerColumn {
  header: string;
  key: string;
  required: boolean;
  spec?: FieldSpec;
  example: (kind: BurdenKind) => Cell;
  note: string;
}

const COMMON_HEAD: LedgerColumn[] = [
  {
    header: "区划代码",
    key: "scopeRegionCode",
    required: true,
    example: () => "220103",
    note: "下达范围：县级6位、乡级9位或村级12位统计用区划代码",
  },
  {
    header: "下达部门",
    key: "department",
    required: true,
    example: () => "宽城区卫生健康局",
    note: "部门全称，须为本地已登记部门",
  },
  {
    header: "事项名称",
    key: "title",
    required: true,
    example: (k) => EXAMPLE_TITLES[k],
    note: "表格、材料、工作群、证明、牌子等的名称",
  },
  {
    header: "发生日期",
    key: "occurredOn",
    required: true,
    example: () => "2026-11-10",
    note: "格式 2026-11-10、2026/11/10 或 2026年11月10日",
  },
  { header: "数量", key: "units", required: true, example: () => 1, note: "正整数：填报次数、份数、块数等" },
];

const EXAMPLE_TITLES: Record<BurdenKind, string> = {
  FORM: "农村低保对象动态管理台账",
  MATERIAL: "年度工作总结及佐证材料",
  WORK_GROUP: "县乡村振兴工作群",
  PROOF_DEMAND: "入户走访须上传现场照片和定位",
  MECHANISM: "村级禁毒工作站",
  SIGNBOARD: "村计生协会",
  CERTIFICATE: "无犯罪证明",
  TASK: "流动人口信息登记",
  INSPECTION: "文明创建专项检查",
};

function specExample(spec: FieldSpec): Cell {
  if (spec.type === "boolean") return spec.example ? "是" : "否";
  if (spec.type === "enum") return spec.options.find((o) => o.value === spec.example)?.label ?? spec.example;
  return spec.example;
}

function specNote(spec: FieldSpec): string {
  const need = spec.required ? "必填" : "选填";
  if (spec.type === "boolean") return `${need}：是 / 否`;
  if (spec.type === "enum") return `${need}：${spec.options.map((o) => o.label).join(" / ")}`;
  if (spec.type === "integer") return `${need}：${spec.min}–${spec.max} 的整数`;
  return `${need}：不超过${spec.max}字`;
}

export function ledgerColumns(kind: BurdenKind): LedgerColumn[] {
  return [
    ...COMMON_HEAD,
    ...DETAIL_FIELDS[kind].map((spec) => ({
      header: spec.label,
      key: `details.${spec.key}`,
      required: Boolean(spec.required),
      spec,
      example: () => specExample(spec),
      note: specNote(spec),
    })),
    { header: "佐证说明", key: "evidence", required: false, example: () => "", note: "选填：文件号、通知来源等" },
  ];
}

export function ledgerTitle(kind: BurdenKind): string {
  return `${BURDEN_KIND_NAMES[kind]}台账`;
}

export interface ParsedRow {
  scopeRegionCode: string;
  department: string;
  title: string;
  occurredOn: Date;
  units: number;
  details: Record<string, unknown>;
  evidence: string | null;
}

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

const text = (cell: Cell) =>
  cell === null || cell === undefined
    ? ""
    : cell instanceof Date
      ? cell.toISOString().slice(0, 10)
      : String(cell).trim();

/** Dates as typed in Chinese ledgers, or Excel date cells; null when not a real date. */
export function parseLedgerDate(cell: Cell): Date | null {
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime())
      ? null
      : new Date(Date.UTC(cell.getUTCFullYear(), cell.getUTCMonth(), cell.getUTCDate(), 12));
  if (typeof cell === "number" && cell > 20000 && cell < 80000)
    return new Date(Math.round((cell - 25569) * 86400_000) + 12 * 3600_000);
  const m = text(cell).match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d, 12));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

function specValue(spec: FieldSpec, cell: Cell): { value?: unknown; error?: string } {
  const raw = text(cell);
  if (raw === "") return {};
  switch (spec.type) {
    case "boolean":
      if (/^(是|有|Y|YES|TRUE|1)$/i.test(raw)) return { value: true };
      if (/^(否|无|N|NO|FALSE|0)$/i.test(raw)) return { value: false };
      return { error: `应填“是”或“否”，实际为“${raw}”` };
    case "integer": {
      const n = Number(raw);
      return Number.isInteger(n) ? { value: n } : { error: `应为整数，实际为“${raw}”` };
    }
    case "enum": {
      const option = spec.options.find((o) => o.label === raw || o.value === raw);
      return option
        ? { value: option.value }
        : { error: `应为${spec.options.map((o) => o.label).join("、")}之一，实际为“${raw}”` };
    }
    default:
      return { value: raw };
  }
}

/**
 * One data row (1-based `rowNumber` as the user sees it in Excel) against the
 * kind's columns. Region and department existence are checked by the caller.
 */
export function parseLedgerRow(
  kind: BurdenKind,
  columns: LedgerColumn[],
  cells: Cell[],
  rowNumber: number,
  now: Date = new Date(),
): { row?: ParsedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: string, reason: string) => errors.push({ row: rowNumber, column, reason });
  const values = new Map(columns.map((c, i) => [c.key, cells[i]]));
  for (const c of columns) if (c.required && text(values.get(c.key)) === "") fail(c.header, "必填项为空");

  const scopeRegionCode = text(values.get("scopeRegionCode"));
  const scopeError = scopeRegionCode ? scopeLevelProblem(scopeRegionCode) : null;
  if (scopeError) fail("区划代码", scopeError);
  const occurredOn = parseLedgerDate(values.get("occurredOn") ?? null);
  if (text(values.get("occurredOn")) && !occurredOn)
    fail("发生日期", `不是有效日期：“${text(values.get("occurredOn"))}”`);
  const unitsRaw = text(values.get("units"));
  const units = Number(unitsRaw);
  const title = text(values.get("title"));
  const evidence = text(values.get("evidence")) || null;
  // The value rules every write path shares; a required-but-empty cell was reported above.
  const problems: [string, string | null][] = [
    ["事项名称", title ? titleProblem(title) : null],
    ["数量", unitsRaw ? unitsProblem(units) : null],
    ["发生日期", occurredOn ? occurredOnProblem(occurredOn, now) : null],
    ["佐证说明", evidenceProblem(evidence)],
  ];
  for (const [column, problem] of problems) if (problem) fail(column, problem);

  const details: Record<string, unknown> = {};
  for (const c of columns) {
    if (!c.spec) continue;
    const { value, error } = specValue(c.spec, values.get(c.key));
    if (error) fail(c.header, error);
    else if (value !== undefined) details[c.spec.key] = value;
  }
  if (errors.length === 0) {
    const parsed = parseDetails(kind, details);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        fail(
          String(
            issue.path[0] ? (columns.find((c) => c.spec?.key === issue.path[0])?.header ?? issue.path[0]) : "明细",
          ),
          issue.message,
        );
  }
  if (errors.length) return { errors };
  return {
    row: {
      scopeRegionCode,
      department: text(values.get("department")),
      title,
      occurredOn: occurredOn!,
      units,
      details,
      evidence,
    },
    errors,
  };
}

/** Maps a header row onto the kind's columns; names missing or unknown headers. */
export function matchHeaders(columns: LedgerColumn[], headers: Cell[]): { order: number[]; errors: string[] } {
  const names = headers.map((h) => text(h));
  const errors: string[] = [];
  const order = columns.map((c) => {
    const index = names.indexOf(c.header);
    if (index < 0 && c.required) errors.push(`缺少必填列“${c.header}”`);
    return index;
  });
  const known = new Set(columns.map((c) => c.header));
  for (const name of names) if (name && !known.has(name)) errors.push(`无法识别的列“${name}”`);
  return { order, errors };
}
