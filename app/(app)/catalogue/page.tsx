import { CatalogueWorkspace } from "./CatalogueWorkspace";

export default function CataloguePage() {
  return <CatalogueWorkspace />;
}
