import ExcelJS from "exceljs";
import { BURDEN_KIND_NAMES } from "../domain/burdenKinds";
import type { departmentLeague } from "./departmentLeague";
import type { PeerScores } from "./rankings";

const BANDS = ["", "较轻", "偏轻", "中等", "偏重", "较重"];
const month = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;

type Standing = Omit<PeerScores["peers"][number], "metrics">;

/**
 * 排名 as an xlsx from what the page's procedures returned to this user: peers with
 * score, rank and interval; the department league only when the user may see it (else null).
 */
export async function rankingWorkbook(
  scores: Omit<PeerScores, "peers"> & { peers: Standing[] },
  league: Awaited<ReturnType<typeof departmentLeague>> | null,
): Promise<Buffer> {
  const period = scores.period;
  const wb = new ExcelJS.Workbook();
  wb.creator = "减负监测";
  const peers = wb.addWorksheet("负担得分排名");
  peers.addRow([
    `${scores.parent.name}下级单位减负监测排名（${month(period)}，得分越高负担越重，第1名负担最轻）`,
  ]).font = { bold: true };
  peers.addRow([
    "名次",
    "单位",
    "区划代码",
    "村级单位数",
    "负担得分",
    "上月得分",
    "上月名次",
    "名次中位数",
    "名次区间（5%–95%）",
    "分档",
    "村均工时（小时）",
    "违规占比",
    ...(scores.peers[0]?.breakdown ?? []).map((k) => `${BURDEN_KIND_NAMES[k.kind]}得分`),
  ]).font = { bold: true };
  for (const p of scores.peers) {
    peers.addRow([
      p.rank ?? "—",
      p.name,
      p.code,
      p.villages,
      Number(p.score.toFixed(2)),
      Number(p.previousScore.toFixed(2)),
      p.previousRank ?? "—",
      p.interval?.median ?? "—",
      p.interval ? `${p.interval.p5}–${p.interval.p95}` : "—",
      BANDS[p.band],
      Number(p.hoursPerVillage.toFixed(2)),
      `${(p.violationRate * 100).toFixed(1)}%`,
      ...p.breakdown.map((k) => Number(k.score.toFixed(2))),
    ]);
  }
  for (const c of peers.columns) c.width = 14;
  if (!league) return Buffer.from(await wb.xlsx.writeBuffer());
  const departments = wb.addWorksheet("部门负担排行");
  departments.addRow([
    "部门",
    "负担工时（小时）",
    "覆盖村级单位",
    "每村工时（小时）",
    "违规村次",
    "违规占比",
    "记录数",
  ]).font = { bold: true };
  for (const d of league)
    departments.addRow([
      d.name,
      Number(d.hours.toFixed(1)),
      d.villagesReached,
      Number(d.hoursPerVillageReached.toFixed(2)),
      d.violationUnits,
      `${(d.violationRate * 100).toFixed(1)}%`,
      d.records,
    ]);
  for (const c of departments.columns) c.width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
