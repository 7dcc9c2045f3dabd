import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { serverApi } from "../_trpc/server";
import { AppShell } from "../_components/AppShell";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const api = await serverApi();
  const me = await api.session.me();
  if (!me) redirect("/login");
  const { path } = await api.region.mine();
  return (
    <AppShell
      user={{ name: me.name, roleName: me.roleName, role: me.role, regionCode: me.regionCode }}
      regionPath={path}
    >
      {children}
    </AppShell>
  );
}
