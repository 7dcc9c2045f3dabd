"use client";

import { Tag, Typography } from "antd";
import { formatDate } from "../../_components/format";
import type { RecordDto } from "@/server/services/dto/records";

type JudgedRecord = Pick<
  RecordDto,
  "kind" | "violations" | "reviews" | "judgement" | "endedOn" | "details" | "evidence"
>;

const CATALOGUE_NAMES: Record<string, string> = {
  FORM_LIST: "县级年度统一填报表格目录",
  WORK_GROUP: "县级整合保留工作群和政务APP清单",
  MECHANISM: "省级批准的村级工作机制",
  SIGNBOARD_STANDARD: "省级村级组织挂牌规范",
  INSPECTION_PLAN: "年度督查检查考核计划",
  CERTIFICATE_NEGATIVE: "证明事项负面清单",
  TASK_FORBIDDEN: "村级组织不得作为责任主体的事项",
};

const percent = (score: number | null | undefined) =>
  score === null || score === undefined ? "" : `（相似度 ${Math.round(score * 100)}%）`;

/** Each flag with its clause, the catalogue item it was judged against (or that none matched), and 待核实 candidates. */
export function JudgementPanel({ record }: { record: JudgedRecord }) {
  const { violations, reviews, judgement } = record;
  return (
    <Typography.Paragraph style={{ margin: 0 }} data-testid="judgement-panel">
      {judgement && (
        <div>
          对照：{CATALOGUE_NAMES[judgement.catalogue] ?? judgement.catalogue} ·{" "}
          {judgement.item ? (
            <>
              匹配“{judgement.item}”{percent(judgement.score)}
              {judgement.via === "synonym" ? "，经监测员确认的同义名称" : ""}
            </>
          ) : (
            <>未匹配任何目录事项{percent(judgement.score) && `，最接近者${percent(judgement.score)}`}</>
          )}
          {judgement.ordinal !== undefined &&
            judgement.allowedPerYear !== undefined &&
            `；本年度第 ${judgement.ordinal} 次下达，目录规定每年 ${judgement.allowedPerYear} 次`}
        </div>
      )}
      {violations.map((v) => (
        <div key={v.reason}>
          <Tag color="red">第{v.clause}条</Tag>
          {v.reason}
        </div>
      ))}
      {reviews.map((r) => (
        <div key={r.reason}>
          <Tag color="orange">待核实·第{r.clause}条</Tag>
          {r.reason}
          {r.candidates.length > 0 && (
            <div style={{ paddingLeft: 16 }}>
              候选：{r.candidates.map((c) => `${c.name}${percent(c.score)}`).join("；")}
            </div>
          )}
        </div>
      ))}
      {record.endedOn && (
        <div>
          已于 {formatDate(record.endedOn)}{" "}
          {record.kind === "WORK_GROUP" ? "解散" : record.kind === "MECHANISM" ? "撤销" : "摘牌"}，计入至该月
        </div>
      )}
      <div>明细：{JSON.stringify(record.details)}</div>
      {record.evidence && <div>佐证：{record.evidence}</div>}
    </Typography.Paragraph>
  );
}
