import { describe, expect, it } from "vitest";
import { playwrightTimings, vitestTimings } from "./timings";

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
});
