// `npx tsx bench/profileSummary.ts DIR|FILE.cpuprofile [--top N]`: where a V8 CPU profile (node --cpu-prof)
// spent its samples, grouped by who owns the code — an npm package, a Next build chunk, one of our source
// files, or V8 itself (garbage collection, idle, program) — as self time, then the heaviest functions.
// Frames in the built server's chunks are mapped back to their sources through the build's source maps.
// `--stalls MS` lists the stretches where the thread ran without a break for MS or more (what held the event
// loop while requests waited) with what ran in each.
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The owner of a script URL: "node_modules/<package>", ".next/<chunk>", a source path, or a V8 pseudo-frame. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const file = url.replace(/^file:\/\//, "");
  const modules = file.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = file.slice(modules + "node_modules/".length).split("/");
    return `npm:${rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const built = file.indexOf("/.next/");
  if (built >= 0) return `next-build:${file.slice(built + 7).replace(/\/[^/]*$/, "/…")}`;
  if (file.startsWith("node:") || !file.startsWith("/")) return "node-internal";
  return path.relative(process.cwd(), file);
}

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    const map = `${file}.map`;
    maps.set(file, fs.existsSync(map) ? new SourceMap(JSON.parse(fs.readFileSync(map, "utf8"))) : null);
  }
  return maps.get(file)!;
}

/** A built chunk's frame as the source file and line it was built from (the chunk itself if it has no map). */
function located(frame: ProfileNode["callFrame"]): { url: string; line: number; name: string } {
  const file = frame.url.replace(/^file:\/\//, "");
  const map = file.includes("/.next/") ? sourceMapOf(file) : null;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as
    | { originalSource?: string; originalLine?: number; name?: string }
    | undefined;
  if (!entry?.originalSource) return { url: frame.url, line: frame.lineNumber + 1, name: frame.functionName };
  const original = decodeURIComponent(entry.originalSource.replace(/^file:\/\//, ""));
  const source = original.includes("[project]/")
    ? path.join(process.cwd(), original.slice(original.indexOf("[project]/") + 10))
    : path.resolve(path.dirname(file), original);
  return { url: source, line: (entry.originalLine ?? 0) + 1, name: entry.name ?? frame.functionName };
}

function summarise(profile: CpuProfile, top: number, stallMs: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id)!;
    const at = located(callFrame);
    const owner = ownerOf(at.url, callFrame.functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + micros);
    const fn = `${at.name || callFrame.functionName || "(anonymous)"} ${owner}:${at.line}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
  }
  const total = (profile.endTime - profile.startTime) / 1e6;
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, micros]) =>
          `${(micros / 1e6).toFixed(2).padStart(8)} s  ${((micros / 1e4 / total) | 0).toString().padStart(3)}%  ${name}`,
      )
      .join("\n");
  const summary = `时长 ${total.toFixed(1)} 秒\n按归属（自身时间）：\n${rows(owners)}\n\n最重的函数：\n${rows(functions)}`;
  return stallMs > 0 ? `${summary}\n\n${stalls(profile, byId, stallMs)}` : summary;
}

/** Our source frames (not node_modules) on the path from the root to a node, outermost first. */
function ourFrames(id: number, parents: Map<number, number>, byId: Map<number, ProfileNode>): string[] {
  const frames: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const where = located(byId.get(at)!.callFrame);
    const owner = ownerOf(where.url, "");
    if (owner.startsWith("server/") || owner.startsWith("app/"))
      frames.unshift(`${where.name || "?"}@${owner}:${where.line}`);
  }
  return frames;
}

function stalls(profile: CpuProfile, byId: Map<number, ProfileNode>, stallMs: number): string {
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  const out: string[] = [];
  let start = -1;
  let time = 0;
  let startTime = 0;
  const flush = (end: number, endTime: number) => {
    if (start < 0 || (endTime - startTime) / 1000 < stallMs) return;
    const weights = new Map<string, number>();
    for (let i = start; i < end; i += 1) {
      const frames = ourFrames(profile.samples[i]!, parents, byId);
      const key = frames.slice(0, 3).join(" → ") || ownerOf(located(byId.get(profile.samples[i]!)!.callFrame).url, "");
      weights.set(key, (weights.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    }
    const top = [...weights].sort((a, b) => b[1] - a[1]).slice(0, 4);
    out.push(
      `${(startTime / 1e6).toFixed(1)} s 起 ${((endTime - startTime) / 1000).toFixed(0)} 毫秒：\n${top
        .map(([k, w]) => `    ${(w / 1000).toFixed(0).padStart(6)} 毫秒  ${k}`)
        .join("\n")}`,
    );
  };
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (idle.has(id)) {
      flush(i, time);
      start = -1;
    } else if (start < 0) {
      start = i;
      startTime = time;
    }
  });
  return `连续运行 ≥ ${stallMs} 毫秒的时段（${out.length} 段）：\n${out.join("\n")}`;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const target = process.argv[2];
  if (!target) throw new Error("用法：npx tsx bench/profileSummary.ts <目录或 .cpuprofile 文件> [--top N]");
  const topAt = process.argv.indexOf("--top");
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 25;
  const stallAt = process.argv.indexOf("--stalls");
  const stallMs = stallAt > 0 ? Number(process.argv[stallAt + 1]) : 0;
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(target, f))
    : [target];
  for (const file of files) {
    console.log(`\n═══ ${file}`);
    console.log(summarise(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile, top, stallMs));
  }
}
