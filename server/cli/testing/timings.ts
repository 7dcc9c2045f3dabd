// Where a test run's time went: the slowest files of a Vitest JSON report and the
// slowest specs of a Playwright JSON report, for npm test's summary.
import fs from "node:fs";
import path from "node:path";

export const TIMINGS_DIR = ".test-times";

export interface Timing {
  name: string;
  seconds: number;
}

interface VitestReport {
  testResults?: { name: string; startTime: number; endTime: number }[];
}

interface PlaywrightSuite {
  file?: string;
  specs?: { title: string; tests: { results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

export function vitestTimings(report: VitestReport, root: string): Timing[] {
  return (report.testResults ?? []).map((file) => ({
    name: path.relative(root, file.name),
    seconds: (file.endTime - file.startTime) / 1000,
  }));
}

export function playwrightTimings(report: { suites?: PlaywrightSuite[] }): Timing[] {
  const timings: Timing[] = [];
  const walk = (suite: PlaywrightSuite, file: string) => {
    for (const spec of suite.specs ?? []) {
      const ms = spec.tests.flatMap((t) => t.results).reduce((sum, r) => sum + r.duration, 0);
      timings.push({ name: `${file}: ${spec.title}`, seconds: ms / 1000 });
    }
    for (const child of suite.suites ?? []) walk(child, child.file ?? file);
  };
  for (const suite of report.suites ?? []) walk(suite, suite.file ?? "");
  return timings;
}

/** The `count` slowest, as lines for the summary; nothing when the report is missing. */
export function slowest(file: string, read: (report: never) => Timing[], count = 5): string[] {
  if (!fs.existsSync(file)) return [];
  const timings = read(JSON.parse(fs.readFileSync(file, "utf8")) as never);
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  return [
    `    ${timings.length} 项合计 ${total.toFixed(0)} 秒；最慢 slowest:`,
    ...timings
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, count)
      .map((t) => `      ${t.seconds.toFixed(1).padStart(6)} s  ${t.name.slice(0, 100)}`),
  ];
}
