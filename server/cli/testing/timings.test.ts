import { describe, expect, it } from "vitest";
import { playwrightFailures, playwrightTimings, vitestFailures, vitestTimings } from "./timings";

describe("test timings for npm test's summary", () => {
  it("reads each Vitest file's span", () => {
    const report = { testResults: [{ name: "/repo/server/test/a.int.test.ts", startTime: 1000, endTime: 4500 }] };
    expect(vitestTimings(report, "/repo")).toEqual([{ name: "server/test/a.int.test.ts", seconds: 3.5 }]);
  });

  it("adds up a Playwright spec's attempts, in nested suites too", () => {
    const spec = (title: string, ...durations: number[]) => ({
      title,
      tests: [{ results: durations.map((duration) => ({ duration })) }],
    });
    const report = {
      suites: [
        { file: "a.spec.ts", specs: [spec("one", 1000, 2000)], suites: [{ specs: [spec("two", 500)] }] },
        { file: "b.spec.ts", specs: [spec("three", 250)] },
      ],
    };
    expect(playwrightTimings(report)).toEqual([
      { name: "a.spec.ts: one", seconds: 3 },
      { name: "a.spec.ts: two", seconds: 0.5 },
      { name: "b.spec.ts: three", seconds: 0.25 },
    ]);
  });

  it("names each failed Vitest test with its error's first line, and a file that failed before its tests", () => {
    const report = {
      testResults: [
        {
          name: "/repo/server/test/a.int.test.ts",
          startTime: 0,
          endTime: 1,
          status: "failed",
          assertionResults: [
            { title: "ok", fullName: "a ok", status: "passed" },
            {
              title: "bad",
              fullName: "a bad",
              status: "failed",
              failureMessages: ["\u001b[31mAssertionError: 1 ≠ 2\u001b[39m\n at x"],
            },
          ],
        },
        {
          name: "/repo/server/test/b.int.test.ts",
          startTime: 0,
          endTime: 1,
          status: "failed",
          message: "Hook timed out",
        },
        { name: "/repo/server/test/c.int.test.ts", startTime: 0, endTime: 1, status: "passed", assertionResults: [] },
      ],
    };
    expect(vitestFailures(report, "/repo")).toEqual([
      "server/test/a.int.test.ts: a bad — AssertionError: 1 ≠ 2",
      "server/test/b.int.test.ts — Hook timed out",
    ]);
  });

  it("names Playwright specs that failed on every attempt, not the flaky ones", () => {
    const spec = (title: string, status: string) => ({
      title,
      tests: [{ status, results: [{ duration: 1, error: { message: "Error: expected\nmore" } }] }],
    });
    const report = { suites: [{ file: "a.spec.ts", specs: [spec("one", "unexpected"), spec("two", "flaky")] }] };
    expect(playwrightFailures(report)).toEqual(["a.spec.ts: one — Error: expected"]);
  });
});
