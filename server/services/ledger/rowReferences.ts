// Region and department checks of ledger rows, with the closest valid name
// suggested, so a user fixes every row in one pass instead of one error a time.
import type { RowError } from "../../domain/ledger";
import { closestName } from "../../domain/closestName";
import { isWithin } from "../../domain/regions";

export interface ServingDepartment {
  id: string;
  regionCode: string;
}

export function referenceChecker(userRegion: string, knownRegions: Set<string>, departments: Map<string, ServingDepartment[]>) {
  const suggestions = new Map<string, string | null>();
  const suggest = (name: string) => {
    if (!suggestions.has(name)) suggestions.set(name, closestName(name, departments.keys()));
    return suggestions.get(name)!;
  };

  /** Errors for the row's region and department (either may be null when the row left it empty or malformed). */
  return (rowNumber: number, scope: string | null, departmentName: string | null): { errors: RowError[]; department?: ServingDepartment } => {
    const errors: RowError[] = [];
    let scopeOk = false;
    if (scope) {
      if (!knownRegions.has(scope)) errors.push({ row: rowNumber, column: "区划代码", reason: `区划代码 ${scope} 不存在` });
      else if (!isWithin(scope, userRegion)) errors.push({ row: rowNumber, column: "区划代码", reason: `区划 ${scope} 不在您的管辖范围内` });
      else scopeOk = true;
    }
    if (!departmentName) return { errors };
    const named = departments.get(departmentName);
    if (!named) {
      const guess = suggest(departmentName);
      errors.push({ row: rowNumber, column: "下达部门", reason: guess ? `部门“${departmentName}”不存在，是否为“${guess}”？` : `部门“${departmentName}”不存在（须为本地已登记部门的全称）` });
      return { errors };
    }
    if (!scopeOk) return { errors };
    const department = named.find((d) => isWithin(scope!, d.regionCode) || isWithin(d.regionCode, scope!));
    if (!department) errors.push({ row: rowNumber, column: "下达部门", reason: `部门“${departmentName}”不属于区划 ${scope} 所在地区` });
    return { errors, department };
  };
}
