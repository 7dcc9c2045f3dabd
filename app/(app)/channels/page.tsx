import { ChannelsView } from "./ChannelsView";

export default function ChannelsPage() {
  return <ChannelsView />;
}
