import { RegionView } from "./RegionView";

export const metadata = { title: "地区详情" };

export default async function RegionPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ period?: string }>;
}) {
  const { code } = await params;
  const period = Number((await searchParams).period);
  return <RegionView code={code} period={Number.isInteger(period) && period > 200000 ? period : undefined} />;
}
