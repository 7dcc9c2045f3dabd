import type { Role } from "../../domain/roles";

/** An account as administrators see it on 账号管理 (never its password or sessions). */
export interface UserDto {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  departmentId: string | null;
  departmentName: string | null;
  disabled: boolean;
  createdAt: Date;
}
