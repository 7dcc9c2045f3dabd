import { RegionView } from "./RegionView";

export default async function RegionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <RegionView code={code} />;
}
