import { redirect } from "next/navigation";
import { serverApi } from "../_trpc/server";
import { LoginForm } from "./LoginForm";

export const dynamic = "force-dynamic";
export const metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const api = await serverApi();
  if (await api.session.me()) redirect("/");
  const info = await api.session.loginInfo();
  const { next } = await searchParams;
  return <LoginForm info={info} next={next?.startsWith("/") && !next.startsWith("//") ? next : "/"} />;
}
