import { ExposureView } from "./ExposureView";

export const metadata = { title: "通报曝光" };

export default function ExposurePage() {
  return <ExposureView />;
}
