export const ROLES = ["monitor", "county_leader", "inspector", "department", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  monitor: "监测员（民政/组织部）",
  county_leader: "县级领导",
  inspector: "督查员",
  department: "职能部门",
  admin: "系统管理员",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
