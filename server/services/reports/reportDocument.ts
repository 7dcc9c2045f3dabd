import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import {
  CHINESE_ORDINALS,
  CLAUSE_TITLES,
  chineseDate,
  formatPeriodChinese,
  issuingUnits,
  wholeRegionWord,
} from "../../domain/reportText";
import { barChartSvg, renderPng, trendChartSvg } from "./charts";
import type { MonthlyReportData } from "./reportData";

// The layout follows 党政机关公文格式 (GB/T 9704) where a monthly report can:
// A4, title in 小标宋 二号, headings 黑体 三号, body 仿宋_GB2312 三号 with a
// two-character indent, tables in 宋体 五号, page numbers "— 1 —". Fonts are
// named for both Word and WPS; a machine without them substitutes its own CJK font.
const FONTS = {
  title: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "方正小标宋简体" },
  heading: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" },
  subheading: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "楷体_GB2312" },
  body: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋_GB2312" },
  table: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" },
};
const SIZE = { title: 44, heading: 32, body: 32, table: 21, caption: 24 };
const MM = 56.7; // twips per millimetre

const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: FONTS.body, size: SIZE.body })],
  });
const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { before: 120, line: 560, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: FONTS.heading, size: SIZE.heading })],
  });
const subheading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: FONTS.subheading, size: SIZE.body, bold: true })],
  });
const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text, font: FONTS.table, size: SIZE.caption })],
  });

const CHART_WIDTH_PX = 1200;

function chart(svg: string, widthPx: number, heightPx: number, title: string): Paragraph[] {
  const png = renderPng(svg, CHART_WIDTH_PX);
  const width = 560; // points on the page (about 15.5 cm)
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width, height: Math.round((width * heightPx) / widthPx) },
          altText: { name: title, title, description: title },
        }),
      ],
    }),
    caption(title),
  ];
}

const svgSize = (svg: string) => {
  const m = svg.match(/width="(\d+)" height="(\d+)"/)!;
  return [Number(m[1]), Number(m[2])] as const;
};

function chartOf(svg: string, title: string) {
  const [w, h] = svgSize(svg);
  return chart(svg, w, h, title);
}

/** A numbered table: its caption stands above it, where a chart's stands below. */
const captionedTable = (title: string, ...args: Parameters<typeof table>) => [caption(title), table(...args)];

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border };

function table(header: string[], rows: (string | number)[][], widths: number[]): Table {
  const total = widths.reduce((s, w) => s + w, 0);
  const cell = (text: string | number, bold: boolean, i: number) =>
    new TableCell({
      borders,
      verticalAlign: VerticalAlign.CENTER,
      width: { size: Math.round((widths[i]! / total) * 5000), type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: i === 0 && !bold ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text: String(text), font: FONTS.table, size: SIZE.table, bold })],
        }),
      ],
    });
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, false, i)) })),
    ],
  });
}

const f1 = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const change = (now: number, before: number) =>
  before === 0 ? "—" : `${now >= before ? "+" : ""}${(((now - before) / before) * 100).toFixed(1)}%`;
const monthLabel = (p: number) => `${p % 100 === 1 ? `${Math.floor(p / 100)}年` : ""}${p % 100}月`;

/** The 月度减负监测报告 as a .docx file. */
export async function monthlyReportDocx(data: MonthlyReportData, version: number): Promise<Buffer> {
  const { region, period } = data;
  const whole = wholeRegionWord(region.level, region.name);
  const children: (Paragraph | Table)[] = [];

  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 400, after: 200, line: 700, lineRule: LineRuleType.EXACT },
      children: [
        new TextRun({
          text: `${region.name}${formatPeriodChinese(period)}村级组织减负监测报告`,
          font: FONTS.title,
          size: SIZE.title,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [
        new TextRun({ text: issuingUnits(region.level, region.name), font: FONTS.subheading, size: SIZE.body }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [
        new TextRun({
          text: `${chineseDate(data.generatedAt)}${version > 1 ? `（第${version}版）` : ""}`,
          font: FONTS.subheading,
          size: SIZE.body,
        }),
      ],
    }),
  );

  // 一、总体情况
  children.push(heading("一、总体情况"));
  for (const p of data.overall) children.push(body(p));
  const h = data.headline;
  children.push(
    ...captionedTable(
      "表1　主要指标",
      ["指标", "本月", "上月", "环比"],
      [
        [
          "负担事项（项）",
          data.totals.records,
          data.totals.previousRecords,
          change(data.totals.records, data.totals.previousRecords),
        ],
        [
          "村均负担工时（小时）",
          f1(h.hoursPerVillage),
          f1(h.previousHoursPerVillage),
          change(h.hoursPerVillage, h.previousHoursPerVillage),
        ],
        [
          "违规村次占比",
          pct(h.violationRate),
          pct(h.previousViolationRate),
          h.previousViolationRate
            ? `${h.violationRate >= h.previousViolationRate ? "+" : ""}${((h.violationRate - h.previousViolationRate) * 100).toFixed(1)}个百分点`
            : "—",
        ],
        ["判定违规事项（项）", data.totals.violationRecords, "—", "—"],
      ],
      [4, 2, 2, 2],
    ),
  );
  children.push(
    ...chartOf(
      trendChartSvg(
        data.trend.map((t) => ({
          label: monthLabel(t.period),
          records: t.records,
          hoursPerVillage: t.hoursPerVillage,
        })),
        `${whole}近12个月负担事项与村均负担工时`,
      ),
      "图1　近12个月趋势",
    ),
  );
  const kinds = [...data.byKind].sort((a, b) => b.records - a.records);
  children.push(
    ...chartOf(
      barChartSvg(
        kinds.map((k) => ({ label: k.name, value: k.records, highlight: 0 })),
        `${formatPeriodChinese(period)}各类负担事项`,
        "项",
      ),
      "图2　按类别",
    ),
  );

  // 二、排名
  children.push(heading("二、排名"));
  if (!data.ranking || data.ranking.rows.length === 0) {
    children.push(body("本级为村（社区），不参与排名。"));
  } else if (!data.ranking.ranked) {
    children.push(body("下辖村（社区）不逐一排名，仅按负担得分分为五档（第5档负担最重）。"));
    children.push(
      table(
        ["村（社区）", "负担得分", "分档"],
        data.ranking.rows
          .slice(-30)
          .reverse()
          .map((r) => [r.name, r.score.toFixed(1), `第${r.band}档（${r.bandName}）`]),
        [4, 2, 3],
      ),
    );
  } else {
    children.push(
      body(
        `负担得分为各类负担村均数量经对数变换后相对基准期同级高位值的标准化得分（0—100分，越高负担越重），名次1为负担最轻；名次区间为权重、目标值和标准化方法随机扰动下名次的5%—95%范围，区间越宽，名次越不确定。`,
      ),
    );
    children.push(
      ...captionedTable(
        `表2　${whole}下辖地区负担得分与排名`,
        ["名次", "地区", "负担得分", "名次区间", "上月名次", "分档"],
        data.ranking.rows.map((r) => [
          r.rank ?? "—",
          r.name,
          r.score.toFixed(1),
          r.interval
            ? r.interval.p5 === r.interval.p95
              ? String(r.interval.p5)
              : `${r.interval.p5}—${r.interval.p95}`
            : "—",
          r.previousRank ?? "—",
          `${r.bandName}`,
        ]),
        [1.2, 3, 1.6, 1.8, 1.6, 1.4],
      ),
    );
  }

  // 三、主要问题
  children.push(heading("三、主要问题"));
  if (data.violations.length === 0)
    children.push(body(`${formatPeriodChinese(period)}${whole}未发现违反《意见》的负担事项。`));
  data.violations.slice(0, 6).forEach((v, i) => {
    children.push(
      subheading(
        `（${CHINESE_ORDINALS[i]}）违反《意见》第${v.clause}条“${CLAUSE_TITLES[v.clause] ?? ""}”的问题 ${v.count} 项`,
      ),
    );
    const depts = v.topDepartments.map((d) => `${d.name}（${d.count} 项）`).join("、");
    children.push(
      body(`主要涉及${depts}${v.topReason ? `，多为“${v.topReason}”` : ""}。如：${v.examples.join("；")}。`),
    );
  });
  if (data.departments.length) {
    children.push(
      ...chartOf(
        barChartSvg(
          data.departments.map((d) => ({ label: d.name, value: d.hours })),
          `${formatPeriodChinese(period)}各部门向村级下达事项折合工时`,
          "小时",
        ),
        "图3　按部门",
      ),
    );
    children.push(
      ...captionedTable(
        "表3　负担工时较多的部门",
        ["部门", "负担工时（小时）", "所涉村均工时", "违规村次", "事项数"],
        data.departments.map((d) => [
          d.name,
          d.hours.toFixed(1),
          d.hoursPerVillageReached.toFixed(1),
          d.violationUnits,
          d.records,
        ]),
        [4, 2, 2, 1.5, 1.5],
      ),
    );
  }

  // 四、预警处置
  const a = data.alerts;
  children.push(heading("四、预警处置"));
  children.push(
    body(
      a.opened === 0
        ? `本月${whole}未产生告警。`
        : `本月${whole}共产生告警 ${a.opened} 条（严重 ${a.critical} 条、警告 ${a.warning} 条、提示 ${a.info} 条），已签收 ${a.acknowledged} 条，签收率 ${pct(a.acknowledged / a.opened)}；超时升级 ${a.escalated} 条；已恢复或处置 ${a.resolved} 条${a.medianAckMinutes === null ? "" : `；从告警到签收的中位用时 ${a.medianAckMinutes < 120 ? `${Math.round(a.medianAckMinutes)} 分钟` : `${(a.medianAckMinutes / 60).toFixed(1)} 小时`}`}。`,
    ),
  );
  children.push(
    ...captionedTable(
      "表4　预警处置情况",
      ["新产生告警", "已签收", "已升级", "已恢复/处置", "仍未签收", "签收用时中位数"],
      [
        [
          a.opened,
          a.acknowledged,
          a.escalated,
          a.resolved,
          a.unacknowledgedOpen,
          a.medianAckMinutes === null ? "—" : `${Math.round(a.medianAckMinutes)} 分钟`,
        ],
      ],
      [1, 1, 1, 1, 1, 1.4],
    ),
  );

  // 五、通报曝光与整改
  children.push(heading("五、通报曝光与整改"));
  if (data.cases.length === 0) children.push(body(`截至本月末，${whole}暂无已发布的通报曝光案例。`));
  else {
    const rectified = data.cases.filter((c) => c.stateName === "已整改").length;
    const overdue = data.cases.filter((c) => c.overdue).length;
    children.push(
      body(
        `截至本月末，${whole}已发布通报曝光案例 ${data.cases.length} 个，已整改 ${rectified} 个，整改率 ${pct(rectified / data.cases.length)}${overdue ? `；${overdue} 个超过整改期限仍未整改到位` : ""}。`,
      ),
    );
    children.push(
      ...captionedTable(
        "表5　通报曝光案例及整改进展",
        ["被通报部门", "问题", "条款", "整改期限", "进展"],
        data.cases.map((c) => [
          c.department,
          c.title,
          `第${c.clause}条`,
          chineseDate(c.deadline),
          c.overdue ? "逾期未整改" : c.stateName,
        ]),
        [2.5, 4, 1, 2, 1.5],
      ),
    );
  }

  // 六、下一步建议
  children.push(heading("六、下一步建议"));
  data.suggestions.forEach((s, i) => {
    children.push(body(`${i + 1}. ${s}`));
  });
  children.push(
    new Paragraph({
      spacing: { before: 400 },
      alignment: AlignmentType.RIGHT,
      children: [
        new TextRun({
          text: `（本报告由减负监测平台根据截至${chineseDate(data.generatedAt)}的数据自动生成）`,
          font: FONTS.body,
          size: SIZE.table,
        }),
      ],
    }),
  );

  const doc = new Document({
    creator: "减负监测平台",
    title: `${region.name}${formatPeriodChinese(period)}村级组织减负监测报告`,
    description: `区划 ${region.code}，${period}，第${version}版`,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: FONTS.table, size: 28 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
