import { describe, expect, it } from "vitest";
import { episodeSpan } from "./periods";

describe("episodeSpan", () => {
  it("names a one-month episode by its month", () => {
    expect(episodeSpan(202605, 202605)).toBe("2026年5月");
  });

  it("puts the latest month first, the month the summary describes, and the start after it", () => {
    expect(episodeSpan(202603, 202605)).toBe("2026年5月（3月起）");
  });

  it("repeats the year of the start when the episode crossed a year", () => {
    expect(episodeSpan(202511, 202602)).toBe("2026年2月（2025年11月起）");
  });
});
