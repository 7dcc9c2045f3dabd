import type { Role } from "./roles";

/** Who is acting: the signed-in user as every layer sees it (server/auth builds it from the session). */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  departmentId: string | null;
}
