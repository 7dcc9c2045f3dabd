import { describe, expect, it } from "vitest";
import { can, PROCEDURE_ACCESS, ROUTE_ACCESS } from "./permissions";

describe("can(me, path): the one access table, as the client menu asks it", () => {
  it("answers procedures and REST routes from the same table", () => {
    expect(can({ role: "monitor" }, "record.create")).toBe(true);
    expect(can({ role: "inspector" }, "record.create")).toBe(false);
    expect(can({ role: "inspector" }, "alert.acknowledge")).toBe(true);
    expect(can({ role: "department" }, "admission.submit")).toBe(true);
    expect(can({ role: "monitor" }, "ledger.import")).toBe(true);
    expect(can({ role: "county_leader" }, "ledger.import")).toBe(false);
    expect(can({ role: "county_leader" }, "ranking.export")).toBe(true);
  });

  it("lets anonymous callers reach only the public entries", () => {
    const table = { ...PROCEDURE_ACCESS, ...ROUTE_ACCESS };
    const open = (Object.keys(table) as (keyof typeof table)[]).filter((path) => can(null, path)).sort();
    expect(open).toEqual([
      "directReport.open",
      "directReport.status",
      "directReport.submit",
      "session.loginInfo",
      "session.me",
    ]);
  });
});
