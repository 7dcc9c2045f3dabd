/**
 * Whether the signed-in user may call a tRPC procedure. The list comes from
 * session.me, which derives it from server/api/permissions.ts: the same table
 * the server enforces, so a hidden button is exactly a refused call.
 */
export interface WithProcedures {
  procedures: readonly string[];
}

export function can(me: WithProcedures | null | undefined, procedure: string): boolean {
  return Boolean(me?.procedures.includes(procedure));
}
