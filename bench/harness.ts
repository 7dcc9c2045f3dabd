// Benchmark harness: every measurement is printed beside a baseline measured in the same run.
import fs from "node:fs";
import path from "node:path";

export interface Measurement {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** Whether larger values are better (rates) or smaller (times). */
  higherIsBetter: boolean;
  target?: string;
  /** Whether the value meets `target`, for targets the suite checks itself (the table prints 达标/未达标). */
  pass?: boolean;
  note?: string;
}

export function ratio(m: Measurement): string {
  if (!m.baseline || m.baseline.value === 0) return "—";
  return `${(m.value / m.baseline.value).toFixed(2)}×`;
}

function fmt(value: number, unit: string) {
  return `${value.toLocaleString("zh-CN", { maximumFractionDigits: value < 10 ? 2 : 0 })} ${unit}`;
}

export function printTable(measurements: Measurement[]) {
  const rows = measurements.map((m) => [
    m.suite,
    m.metric,
    fmt(m.value, m.unit),
    m.baseline ? `${m.baseline.label}: ${fmt(m.baseline.value, m.unit)}` : "—",
    ratio(m),
    m.target ?? "—",
    m.pass === undefined ? "—" : m.pass ? "达标" : "未达标",
    m.note ?? "",
  ]);
  const head = ["suite", "metric", "value", "baseline (same run)", "ratio", "target", "pass", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
}

/** One line per suite with checked targets: how many were met, and which were not. */
export function printVerdicts(measurements: Measurement[]) {
  const suites = [...new Set(measurements.filter((m) => m.pass !== undefined).map((m) => m.suite))];
  for (const suite of suites) {
    const checked = measurements.filter((m) => m.suite === suite && m.pass !== undefined);
    const missed = checked.filter((m) => !m.pass);
    console.log(
      missed.length === 0
        ? `${suite}：通过（${checked.length}/${checked.length} 项目标达标）`
        : `${suite}：未通过（${checked.length - missed.length}/${checked.length} 项达标；未达标：${missed.map((m) => m.metric).join("；")}）`,
    );
  }
}

export function writeResults(measurements: Measurement[], meta: Record<string, unknown>) {
  const dir = path.resolve("bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...meta, measurements }, null, 2));
  return file;
}

export async function time<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}
