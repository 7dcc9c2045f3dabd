// The record list's filter as one list of column comparisons. The count query renders it as SQL
// (db/recordListRepository.ts) and a record created in this process is tested against it here
// (services/recordCounts.ts adds it to the kept totals), so the two readings of a filter cannot drift apart.
import { subtreeRange } from "./regions";

export interface RecordFilter {
  regionCode: string;
  kind?: string;
  departmentId?: string;
  periodFrom?: number;
  periodTo?: number;
  isViolation?: boolean;
  includeWithdrawn?: boolean;
  /** Where the records came from (人工录入, 台账导入, 村级直报, 部门自报…). */
  source?: string;
  /** Words in the title (the form's or material's name) or the department's name. */
  text?: string;
}

/** The fields of a record that decide which filters it falls in. */
export interface FilteredRecord {
  scopeRegionCode: string;
  status: string;
  kind: string;
  departmentId: string;
  source: string;
  isViolation: boolean;
  occurredOn: Date;
}

export type FilterColumn = keyof FilteredRecord;

export interface FilterTerm {
  column: FilterColumn;
  op: "=" | ">=" | "<";
  value: string | boolean | Date;
}

const monthStart = (period: number) => new Date(Date.UTC(Math.floor(period / 100), (period % 100) - 1, 1));
const nextPeriod = (period: number) => (period % 100 === 12 ? period + 89 : period + 1);

/** Every condition of `filter` but its text search, which only SQL can apply (LIKE, the department's name). */
export function filterTerms(filter: RecordFilter): FilterTerm[] {
  const range = subtreeRange(filter.regionCode);
  const terms: FilterTerm[] = [
    { column: "scopeRegionCode", op: ">=", value: range.gte },
    { column: "scopeRegionCode", op: "<", value: range.lt },
  ];
  const equal = (column: FilterColumn, value: string | boolean | undefined) => {
    if (typeof value === "boolean" || value) terms.push({ column, op: "=", value });
  };
  if (!filter.includeWithdrawn) equal("status", "ACTIVE");
  equal("kind", filter.kind);
  equal("departmentId", filter.departmentId);
  equal("source", filter.source);
  equal("isViolation", filter.isViolation);
  // Periods are the UTC months of occurredOn: as dates, the date index seeks to them.
  if (filter.periodFrom) terms.push({ column: "occurredOn", op: ">=", value: monthStart(filter.periodFrom) });
  if (filter.periodTo) terms.push({ column: "occurredOn", op: "<", value: monthStart(nextPeriod(filter.periodTo)) });
  return terms;
}

/** The terms of one month (yyyymm) of occurredOn: a total's month counted on its own. */
export function monthTerms(period: number): FilterTerm[] {
  return [
    { column: "occurredOn", op: ">=", value: monthStart(period) },
    { column: "occurredOn", op: "<", value: monthStart(nextPeriod(period)) },
  ];
}

const comparable = (value: string | boolean | Date) => (value instanceof Date ? value.getTime() : value);

/** Whether `record` meets every term, as the SQL of the same terms decides it. */
export function meetsTerms(terms: readonly FilterTerm[], record: FilteredRecord): boolean {
  return terms.every((term) => {
    const actual = comparable(record[term.column]);
    const bound = comparable(term.value);
    if (term.op === "=") return actual === bound;
    return term.op === ">=" ? actual >= bound : actual < bound;
  });
}
