import { departmentWorkspace } from "../../../services/rectification/workspace";
import { accessProcedure } from "../../trpc";

/** 本部门: the department account's own demands, violations, items, requests and league position. */
export const workspace = accessProcedure("department.workspace").query(({ ctx }) =>
  departmentWorkspace(ctx.db, ctx.user),
);
