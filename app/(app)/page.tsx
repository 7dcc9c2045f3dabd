import { redirect } from "next/navigation";
import { serverApi } from "../_trpc/server";

/** Landing: county leaders see their county among its peers; everyone else the 总览 of their region. */
export default async function Home() {
  const me = await (await serverApi()).session.me();
  if (!me) redirect("/login");
  if (me.role === "department") redirect("/department");
  redirect(me.role === "county_leader" ? "/rankings" : "/overview");
}
