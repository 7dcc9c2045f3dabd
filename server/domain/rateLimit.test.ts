import { describe, expect, it } from "vitest";
import { FailureWindow, WindowLimiter } from "./rateLimit";

describe("rate limits", () => {
  it("a limiter allows `max` hits a window per key, and again once the window is over", () => {
    const limiter = new WindowLimiter(2, 1000);
    expect([0, 10, 20].map((t) => limiter.allow("a", t))).toEqual([true, true, false]);
    expect(limiter.allow("b", 30)).toBe(true);
    expect(limiter.allow("a", 1000)).toBe(true);
  });

  it("a failure window refuses at its limit, a success gives its count back, a new window starts at zero", () => {
    const failures = new FailureWindow(2, 1000);
    expect([failures.begin("k", 0), failures.begin("k", 1), failures.begin("k", 2)]).toEqual([true, true, false]);
    failures.succeeded("k");
    expect(failures.begin("k", 3)).toBe(true);
    expect(failures.begin("k", 4)).toBe(false);
    expect(failures.begin("k", 1000)).toBe(true);
  });
});
