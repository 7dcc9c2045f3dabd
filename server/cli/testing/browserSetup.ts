/** Where the browser specs look for Chromium unless CHROMIUM_PATH says otherwise (Debian's package). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";
/** prepare-browser exits with this when the browser specs must be skipped (not a failure). */
export const BROWSER_SKIP_EXIT_CODE = 3;
export const BROWSER_PACKAGES = ["chromium", "fonts-noto-cjk"] as const;

export interface BrowserMachine {
  chromiumPath: string;
  chromiumPresent: boolean;
  /** CJK fonts, so that screenshots show Chinese instead of boxes. */
  cjkFontsPresent: boolean;
  isRoot: boolean;
  passwordlessSudo: boolean;
  hasAptGet: boolean;
  ci: boolean;
}

export type BrowserPlan =
  | { action: "ready"; notice?: string }
  | { action: "install"; command: string; notice: string }
  | { action: "skip"; message: string }
  | { action: "fail"; message: string };

const INSTALL = `apt-get update && apt-get install -y ${BROWSER_PACKAGES.join(" ")}`;

/**
 * What `npm test` does about the browser specs on this machine: run them, install
 * Debian's chromium and CJK fonts first (root or passwordless sudo), or skip them
 * with the exact command to run (CI fails instead, since a skip there would hide
 * a missing install step).
 */
export function planBrowserSetup(machine: BrowserMachine): BrowserPlan {
  const customPath = machine.chromiumPath !== DEFAULT_CHROMIUM;
  if (machine.chromiumPresent && machine.cjkFontsPresent) return { action: "ready" };
  const canInstall = machine.hasAptGet && (machine.isRoot || machine.passwordlessSudo);
  const sudo = machine.isRoot ? "" : "sudo -n ";

  if (machine.chromiumPresent) {
    // Fonts only change how screenshots look; the specs still run without them.
    if (canInstall)
      return {
        action: "install",
        command: `${sudo}${INSTALL}`,
        notice: "安装中文字体 fonts-noto-cjk（截图中的中文需要）…",
      };
    return { action: "ready", notice: `未找到中文字体，截图中的中文可能显示为方框；可运行：sudo ${INSTALL}` };
  }

  if (customPath) {
    return refuse(
      machine.ci,
      `CHROMIUM_PATH 指向的 ${machine.chromiumPath} 不存在：跳过浏览器测试。请修正 CHROMIUM_PATH，或删去它以使用 ${DEFAULT_CHROMIUM}。`,
      `CHROMIUM_PATH points at ${machine.chromiumPath}, which does not exist: browser tests skipped. Fix CHROMIUM_PATH or unset it to use ${DEFAULT_CHROMIUM}.`,
    );
  }
  if (canInstall) {
    return {
      action: "install",
      command: `${sudo}${INSTALL}`,
      notice: `未找到 ${DEFAULT_CHROMIUM}，正在从系统软件源安装 chromium 与 fonts-noto-cjk…`,
    };
  }
  if (!machine.hasAptGet) {
    return refuse(
      machine.ci,
      "未找到 Chromium，且本机没有 apt-get：跳过浏览器测试。请用系统的包管理器安装 Chromium 和中文字体，再以 CHROMIUM_PATH=/path/to/chromium npm test 运行。",
      "Chromium not found and no apt-get on this machine: browser tests skipped. Install Chromium and CJK fonts with your package manager, then run CHROMIUM_PATH=/path/to/chromium npm test.",
    );
  }
  return refuse(
    machine.ci,
    `未找到 ${DEFAULT_CHROMIUM}，当前用户也无法安装系统软件包：跳过浏览器测试。请运行：sudo ${INSTALL}，然后重新运行 npm test。`,
    `${DEFAULT_CHROMIUM} not found and this user cannot install system packages: browser tests skipped. Run: sudo ${INSTALL}, then npm test again.`,
  );
}

function refuse(ci: boolean, chinese: string, english: string): BrowserPlan {
  const message = `${chinese}\n${english}`;
  return ci
    ? { action: "fail", message: `${message}\n（CI 环境必须运行浏览器测试 / CI must run the browser tests）` }
    : { action: "skip", message };
}
