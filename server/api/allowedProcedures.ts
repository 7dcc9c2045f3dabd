// The client draws menus and buttons from the same table the server enforces:
// session.me sends the procedures the signed-in role may call, once.
import type { Role } from "../domain/roles";
import { PROCEDURE_ACCESS, type Access } from "./permissions";

export function accessAllows(access: Access | undefined, role: Role | null): boolean {
  if (access === undefined) return false;
  if (access === "public") return true;
  if (role === null) return false;
  return access === "signed-in" || access.includes(role);
}

/** Every procedure path `role` may call, sorted. */
export function allowedProcedures(role: Role, table: Record<string, Access> = PROCEDURE_ACCESS): string[] {
  return Object.entries(table)
    .filter(([, access]) => accessAllows(access, role))
    .map(([path]) => path)
    .sort();
}
