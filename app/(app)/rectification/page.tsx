import { RectificationView } from "./RectificationView";

export default function RectificationPage() {
  return <RectificationView />;
}
