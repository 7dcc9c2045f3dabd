// Region and department checks of ledger rows, with the closest valid name
// suggested, so a user fixes every row in one pass instead of one error a time.
import type { RowError } from "../../domain/ledger";
import { closestName } from "../../domain/closestName";
import { departmentOutOfScope, departmentServes, regionMissing, scopeProblem } from "../../domain/burdenRecord";

export interface ServingDepartment {
  id: string;
  regionCode: string;
}

export function referenceChecker(
  userRegion: string,
  knownRegions: Set<string>,
  departments: Map<string, ServingDepartment[]>,
) {
  const suggestions = new Map<string, string | null>();
  const suggest = (name: string) => {
    if (!suggestions.has(name)) suggestions.set(name, closestName(name, departments.keys()));
    return suggestions.get(name)!;
  };

  /** Errors for the row's region and department (either may be null when the row left it empty or malformed). */
  return (
    rowNumber: number,
    scope: string | null,
    departmentName: string | null,
  ): { errors: RowError[]; department?: ServingDepartment } => {
    const errors: RowError[] = [];
    let scopeOk = false;
    if (scope) {
      // The same messages as every other write path (domain/burdenRecord).
      const problem =
        scopeProblem(scope, userRegion)?.message ?? (knownRegions.has(scope) ? null : regionMissing(scope));
      if (problem) errors.push({ row: rowNumber, column: "区划代码", reason: problem });
      else scopeOk = true;
    }
    if (!departmentName) return { errors };
    const named = departments.get(departmentName);
    if (!named) {
      const guess = suggest(departmentName);
      errors.push({
        row: rowNumber,
        column: "下达部门",
        reason: guess ? `部门“${departmentName}”不存在，是否为“${guess}”？` : `部门“${departmentName}”未登记`,
      });
      return { errors };
    }
    if (!scopeOk) return { errors };
    const department = named.find((d) => departmentServes(d.regionCode, scope!));
    if (!department) errors.push({ row: rowNumber, column: "下达部门", reason: departmentOutOfScope(departmentName) });
    return { errors, department };
  };
}
