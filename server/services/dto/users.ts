import type { SessionUser } from "../../domain/actor";

/** An account as administrators see it on 账号管理 (never its password or sessions). */
export interface UserDto extends SessionUser {
  regionName: string;
  departmentName: string | null;
  disabled: boolean;
  createdAt: Date;
}
