import { Tag } from "antd";
import type { AlertView } from "./useLiveAlerts";

export const SEVERITY_COLORS: Record<string, string> = { CRITICAL: "red", WARNING: "orange", INFO: "blue" };
export const STATE_COLORS: Record<string, string> = { FIRING: "red", PENDING: "gold", RESOLVED: "green" };

/** The human layer of an alert as tags: 签收, 升级, 人工处置, 静默. */
export function HumanStateTags({ alert: a }: { alert: AlertView }) {
  return (
    <>
      {a.acknowledged ? (
        <Tag color="green">已签收</Tag>
      ) : a.ackedAt ? (
        <Tag color="volcano">签收已失效</Tag>
      ) : (
        <Tag>未签收</Tag>
      )}
      {a.escalationLevel > 0 && <Tag color="magenta">已升级</Tag>}
      {a.resolvedByHandAt && <Tag color="cyan">已人工处置</Tag>}
      {a.silenced && <Tag>已静默</Tag>}
    </>
  );
}
