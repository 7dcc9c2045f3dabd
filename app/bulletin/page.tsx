import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { serverApi } from "../_trpc/server";
import { PrintButton } from "./PrintButton";

export const dynamic = "force-dynamic";
export const metadata = { title: "通报曝光（打印）" };

const fmt = (d: Date) => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;

/** The published exposure bulletin as a printable page. */
export default async function BulletinPage({ searchParams }: { searchParams: Promise<{ region?: string }> }) {
  const api = await serverApi();
  const me = await api.session.me();
  if (!me) redirect("/login");
  const regionCode = (await searchParams).region || me.regionCode;
  // A foreign or malformed region is "not found" (404), never a server error.
  const [cases, mine] = await Promise.all([
    api.exposure.list({ regionCode, states: ["PUBLISHED", "RECTIFIED"] }),
    api.region.detail({ regionCode }),
  ]).catch((error: unknown) => {
    if (error instanceof TRPCError && ["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <main style={{ maxWidth: 880, margin: "0 auto", padding: 32, background: "#fff", fontSize: 15, lineHeight: 1.8 }}>
      <style>{"@media print { .no-print { display: none } body { background: #fff } }"}</style>
      <div className="no-print" style={{ textAlign: "right" }}>
        <PrintButton />
      </div>
      <h1 style={{ textAlign: "center", color: "#b71c1c", fontSize: 26 }}>{mine.region.name}基层减负典型问题通报</h1>
      <p style={{ textAlign: "center" }}>
        （截至 {fmt(new Date())}，共 {cases.length} 起）
      </p>
      {cases.length === 0 && <p>暂无已发布的通报案例。</p>}
      {cases.map((c, i) => (
        <section key={c.id} style={{ marginTop: 24 }}>
          <h3>
            {i + 1}. {c.departmentName}：{c.title}
          </h3>
          <p>
            {c.demanded}。上述做法违反《关于规范村级组织工作事务、机制牌子和证明事项的意见》第{c.clause}条。
          </p>
          <p>
            整改要求：{c.rectification}（整改期限：{fmt(new Date(c.deadline))}）
            {c.state === "RECTIFIED" ? "。目前已整改到位。" : ""}
          </p>
        </section>
      ))}
    </main>
  );
}
