import { redirect } from "next/navigation";
import { serverApi } from "../_trpc/server";

export default async function Home() {
  const me = await (await serverApi()).session.me();
  redirect(me ? `/regions/${me.regionCode}` : "/login");
}
