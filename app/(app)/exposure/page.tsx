import { ExposureView } from "./ExposureView";

export default function ExposurePage() {
  return <ExposureView />;
}
