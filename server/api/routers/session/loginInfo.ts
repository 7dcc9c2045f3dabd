import { publicProcedure } from "../../trpc";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccessCodes, isDemoMode } from "../../../services/demoSeed";
import { ROLE_NAMES } from "../../../domain/roles";

/** What the login page may show: demo logins only while the database holds demo data. */
export const loginInfo = publicProcedure.query(async ({ ctx }) => {
  if (!(await isDemoMode(ctx.db))) return { demo: false as const, accounts: [], accessCodes: [] };
  return {
    demo: true as const,
    password: DEMO_PASSWORD,
    accessCodes: await demoAccessCodes(ctx.db),
    accounts: DEMO_ACCOUNTS.map((a) => ({
      username: a.username,
      name: a.name,
      roleName: ROLE_NAMES[a.role],
      regionName: a.regionName,
    })),
  };
});
