import { Space, Tag } from "antd";
import { STATE_COLORS } from "./labels";

export function ItemStateTag({
  item,
}: {
  item: {
    state: string;
    stateName: string;
    overdue: boolean;
    overdueDays: number;
    escalated: boolean;
    extensionUntil: Date | null;
  };
}) {
  return (
    <Space size={2} wrap>
      <Tag color={STATE_COLORS[item.state]}>{item.stateName}</Tag>
      {item.overdue && <Tag color="red">逾期{item.overdueDays > 0 ? ` ${item.overdueDays} 天` : ""}</Tag>}
      {item.escalated && <Tag color="volcano">已升级</Tag>}
      {item.extensionUntil && <Tag color="gold">延期待批</Tag>}
    </Space>
  );
}
