import { describe, expect, it } from "vitest";
import { type BrowserMachine, DEFAULT_CHROMIUM, planBrowserSetup } from "./browserSetup";

const bare: BrowserMachine = {
  chromiumPath: DEFAULT_CHROMIUM,
  chromiumPresent: false,
  cjkFontsPresent: false,
  isRoot: false,
  passwordlessSudo: false,
  hasAptGet: true,
  ci: false,
};

describe("planBrowserSetup", () => {
  it("runs the specs when chromium and CJK fonts are there", () => {
    expect(planBrowserSetup({ ...bare, chromiumPresent: true, cjkFontsPresent: true })).toEqual({ action: "ready" });
  });

  it("installs chromium and fonts as root, through sudo -n otherwise", () => {
    const asRoot = planBrowserSetup({ ...bare, isRoot: true });
    expect(asRoot).toMatchObject({
      action: "install",
      command: "apt-get update && apt-get install -y chromium fonts-noto-cjk",
    });
    const withSudo = planBrowserSetup({ ...bare, passwordlessSudo: true });
    expect(withSudo).toMatchObject({ action: "install", command: expect.stringMatching(/^sudo -n apt-get/) });
  });

  it("skips with the exact command in Chinese and English when it may not install", () => {
    const plan = planBrowserSetup(bare);
    expect(plan.action).toBe("skip");
    const message = plan.action === "skip" ? plan.message : "";
    expect(message).toContain("跳过浏览器测试");
    expect(message).toContain("browser tests skipped");
    expect(message).toContain("sudo apt-get update && apt-get install -y chromium fonts-noto-cjk");
  });

  it("fails instead of skipping under CI", () => {
    expect(planBrowserSetup({ ...bare, ci: true }).action).toBe("fail");
    expect(planBrowserSetup({ ...bare, hasAptGet: false, ci: true }).action).toBe("fail");
  });

  it("does not try to install over a CHROMIUM_PATH that points nowhere", () => {
    const plan = planBrowserSetup({ ...bare, isRoot: true, chromiumPath: "/missing/chromium" });
    expect(plan).toMatchObject({ action: "skip", message: expect.stringContaining("/missing/chromium") });
  });

  it("runs without fonts when it cannot install them, with a notice", () => {
    const plan = planBrowserSetup({ ...bare, chromiumPresent: true });
    expect(plan).toMatchObject({ action: "ready", notice: expect.stringContaining("fonts-noto-cjk") });
    expect(planBrowserSetup({ ...bare, chromiumPresent: true, isRoot: true }).action).toBe("install");
  });

  it("names the package manager problem where there is no apt-get", () => {
    const plan = planBrowserSetup({ ...bare, isRoot: true, hasAptGet: false });
    expect(plan).toMatchObject({ action: "skip", message: expect.stringContaining("CHROMIUM_PATH") });
  });
});
