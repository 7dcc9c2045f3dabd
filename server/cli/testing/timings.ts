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
  testResults?: {
    name: string;
    startTime: number;
    endTime: number;
    status?: string;
    message?: string;
    assertionResults?: { fullName?: string; title: string; status: string; failureMessages?: string[] }[];
  }[];
}

interface PlaywrightSuite {
  file?: string;
  specs?: {
    title: string;
    ok?: boolean;
    tests: { status?: string; results: { duration: number; error?: { message?: string } }[] }[];
  }[];
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

/** One line per failed test (or per file that failed before its tests ran), with the first line of its error:
 *  CI shows only the tail of the output, so the summary must name what failed. */
export function vitestFailures(report: VitestReport, root: string): string[] {
  const lines: string[] = [];
  for (const file of report.testResults ?? []) {
    const name = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const test of failed)
      lines.push(`${name}: ${test.fullName ?? test.title} — ${firstLine(test.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === "failed") lines.push(`${name} — ${firstLine(file.message)}`);
  }
  return lines;
}

export function playwrightFailures(report: { suites?: PlaywrightSuite[] }): string[] {
  const lines: string[] = [];
  const walk = (suite: PlaywrightSuite, file: string) => {
    for (const spec of suite.specs ?? []) {
      const test = spec.tests.find((t) => t.status === "unexpected");
      if (test) lines.push(`${file}: ${spec.title} — ${firstLine(test.results.at(-1)?.error?.message)}`);
    }
    for (const child of suite.suites ?? []) walk(child, child.file ?? file);
  };
  for (const suite of report.suites ?? []) walk(suite, suite.file ?? "");
  return lines;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes in error messages
const colours = /\u001b\[[0-9;]*m/g;

function firstLine(message: string | undefined): string {
  const line =
    (message ?? "")
      .replace(colours, "")
      .split("\n")
      .find((l) => l.trim()) ?? "";
  return line.trim().slice(0, 160);
}

/** The failures of a phase's report, as summary lines; nothing when the report is missing. */
export function failures(file: string, read: (report: never) => string[], count = 20): string[] {
  if (!fs.existsSync(file)) return [];
  const lines = read(JSON.parse(fs.readFileSync(file, "utf8")) as never);
  return [
    ...lines.slice(0, count).map((line) => `    ✘ ${line}`),
    ...(lines.length > count ? [`    ✘ …另有 ${lines.length - count} 项 more`] : []),
  ];
}
