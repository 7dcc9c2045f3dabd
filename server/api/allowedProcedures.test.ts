import { describe, expect, it } from "vitest";
import { ROLES } from "../domain/roles";
import { accessAllows, allowedProcedures } from "./allowedProcedures";
import { PROCEDURE_ACCESS } from "./permissions";

describe("the procedures session.me lists for a role", () => {
  it("are exactly the table's entries that allow the role", () => {
    for (const role of ROLES) {
      const listed = new Set(allowedProcedures(role));
      for (const [path, access] of Object.entries(PROCEDURE_ACCESS)) {
        const expected = access === "public" || access === "signed-in" || access.includes(role);
        expect(listed.has(path), `${path} for ${role}`).toBe(expected);
      }
    }
  });

  it("give a department no alert handling, an inspector no 直报, and only the admin 账号管理", () => {
    expect(allowedProcedures("department")).toContain("admission.submit");
    expect(allowedProcedures("department")).not.toContain("alert.acknowledge");
    expect(allowedProcedures("inspector")).toContain("alert.acknowledge");
    expect(allowedProcedures("inspector")).not.toContain("directReport.list");
    expect(allowedProcedures("county_leader")).not.toContain("alert.silence");
    expect(ROLES.filter((r) => allowedProcedures(r).includes("user.list"))).toEqual(["admin"]);
  });

  it("never allow an unknown procedure or an anonymous caller past a role list", () => {
    expect(accessAllows(undefined, "admin")).toBe(false);
    expect(accessAllows(["monitor"], null)).toBe(false);
    expect(accessAllows("public", null)).toBe(true);
  });
});
