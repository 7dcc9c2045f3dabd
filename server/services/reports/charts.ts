import fs from "node:fs";
import { Resvg } from "@resvg/resvg-js";

// Charts for the Word report are drawn as SVG here and rasterised by resvg
// with the system's CJK fonts: nothing is downloaded, and the PNG looks the
// same in Word, WPS and LibreOffice, which all render embedded images alike.

const FONT_DIRS = [
  "/usr/share/fonts/opentype/noto",
  "/usr/share/fonts/truetype/noto",
  "/usr/share/fonts/opentype",
  "/usr/share/fonts/truetype",
];
const FAMILY = "Noto Sans CJK SC";

function cjkFontFiles(): string[] {
  const configured = process.env.REPORT_FONT_FILES?.split(":").filter(Boolean);
  if (configured?.length) return configured;
  for (const dir of FONT_DIRS) {
    try {
      // System font folders, not project files: without the mark, `next build` traced the whole project here.
      const files = fs
        .readdirSync(/* turbopackIgnore: true */ dir)
        .filter((f) => /Sans.*CJK.*\.(ttc|otf|ttf)$/i.test(f) && !/Mono/i.test(f));
      if (files.length) return files.map((f) => `${dir}/${f}`);
    } catch {
      // try the next directory
    }
  }
  return [];
}

let fonts: string[] | null = null;

export function renderPng(svg: string, width: number): Buffer {
  fonts ??= cjkFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    font: { fontFiles: fonts, loadSystemFonts: fonts.length === 0, defaultFontFamily: FAMILY },
  });
  return Buffer.from(resvg.render().asPng());
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const num = (v: number) => (v >= 100 || Number.isInteger(v) ? Math.round(v).toLocaleString("en-US") : v.toFixed(1));

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten at or above the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((v) => v >= value)!;
}

function frame(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FAMILY}">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<text x="${width / 2}" y="28" font-size="18" font-weight="bold" text-anchor="middle" fill="#1f1f1f">${esc(title)}</text>
${body}
</svg>`;
}

export interface TrendPoint {
  label: string;
  records: number;
  hoursPerVillage: number;
}

/** Records per month as bars, hours per village as a line on the right axis. */
export function trendChartSvg(points: TrendPoint[], title: string): string {
  const W = 900,
    H = 380,
    left = 70,
    right = 70,
    top = 60,
    bottom = 60;
  const plotW = W - left - right,
    plotH = H - top - bottom;
  const maxRecords = niceMax(Math.max(...points.map((p) => p.records), 0));
  const maxHours = niceMax(Math.max(...points.map((p) => p.hoursPerVillage), 0));
  const step = plotW / Math.max(points.length, 1);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - (plotH * i) / 4;
    parts.push(`<line x1="${left}" y1="${y}" x2="${W - right}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(
      `<text x="${left - 8}" y="${y + 5}" font-size="13" text-anchor="end" fill="#595959">${num((maxRecords * i) / 4)}</text>`,
    );
    parts.push(
      `<text x="${W - right + 8}" y="${y + 5}" font-size="13" fill="#595959">${num((maxHours * i) / 4)}</text>`,
    );
  }
  const line: string[] = [];
  points.forEach((p, i) => {
    const x = left + step * i + step * 0.2;
    const h = (p.records / maxRecords) * plotH;
    parts.push(`<rect x="${x}" y="${top + plotH - h}" width="${step * 0.6}" height="${h}" fill="#5b8ff9"/>`);
    parts.push(
      `<text x="${x + step * 0.3}" y="${H - bottom + 20}" font-size="12" text-anchor="middle" fill="#595959">${esc(p.label)}</text>`,
    );
    line.push(`${x + step * 0.3},${top + plotH - (p.hoursPerVillage / maxHours) * plotH}`);
  });
  parts.push(`<polyline points="${line.join(" ")}" fill="none" stroke="#e8684a" stroke-width="3"/>`);
  for (const pt of line) parts.push(`<circle cx="${pt.split(",")[0]}" cy="${pt.split(",")[1]}" r="4" fill="#e8684a"/>`);
  parts.push(
    `<rect x="${left}" y="${H - 24}" width="14" height="14" fill="#5b8ff9"/><text x="${left + 20}" y="${H - 12}" font-size="13" fill="#262626">负担事项（项，左轴）</text>`,
  );
  parts.push(
    `<line x1="${left + 200}" y1="${H - 17}" x2="${left + 224}" y2="${H - 17}" stroke="#e8684a" stroke-width="3"/><text x="${left + 230}" y="${H - 12}" font-size="13" fill="#262626">村均负担工时（小时，右轴）</text>`,
  );
  return frame(W, H, title, parts.join("\n"));
}

export interface BarItem {
  label: string;
  value: number;
  /** The part of the bar drawn in red (violations). */
  highlight?: number;
}

/** Horizontal bars, largest first as given; an optional red part for violations. */
export function barChartSvg(items: BarItem[], title: string, unit: string, highlightLabel?: string): string {
  const rowH = 32,
    left = 230,
    right = 90,
    top = 50;
  const W = 900,
    H = top + items.length * rowH + (highlightLabel ? 50 : 20);
  const max = niceMax(Math.max(...items.map((i) => i.value), 0));
  const plotW = W - left - right;
  const parts: string[] = [];
  items.forEach((item, i) => {
    const y = top + i * rowH;
    const w = (item.value / max) * plotW;
    const label = item.label.length > 14 ? `${item.label.slice(0, 13)}…` : item.label;
    parts.push(
      `<text x="${left - 10}" y="${y + 21}" font-size="14" text-anchor="end" fill="#262626">${esc(label)}</text>`,
    );
    parts.push(
      `<rect x="${left}" y="${y + 6}" width="${Math.max(w, item.value > 0 ? 1 : 0)}" height="${rowH - 12}" fill="#5b8ff9"/>`,
    );
    if (item.highlight)
      parts.push(
        `<rect x="${left}" y="${y + 6}" width="${(item.highlight / max) * plotW}" height="${rowH - 12}" fill="#e8684a"/>`,
      );
    parts.push(
      `<text x="${left + w + 8}" y="${y + 21}" font-size="13" fill="#595959">${num(item.value)} ${esc(unit)}</text>`,
    );
  });
  if (highlightLabel) {
    const y = H - 30;
    parts.push(
      `<rect x="${left}" y="${y}" width="14" height="14" fill="#5b8ff9"/><text x="${left + 20}" y="${y + 12}" font-size="13" fill="#262626">合计</text>`,
    );
    parts.push(
      `<rect x="${left + 80}" y="${y}" width="14" height="14" fill="#e8684a"/><text x="${left + 100}" y="${y + 12}" font-size="13" fill="#262626">${esc(highlightLabel)}</text>`,
    );
  }
  return frame(W, H, title, parts.join("\n"));
}
