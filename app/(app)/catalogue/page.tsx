import { CatalogueWorkspace } from "./CatalogueWorkspace";

export const metadata = { title: "目录与准入" };

export default function CataloguePage() {
  return <CatalogueWorkspace />;
}
