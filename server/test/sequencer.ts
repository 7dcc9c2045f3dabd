// The order Vitest hands files to its workers. The global setup starts building the
// seeded template databases when the run begins (globalSetup.ts); the unit files need
// none, so they go first and the two workers run them while the seeds are built,
// instead of both waiting on the first seed with one core idle. Within each project
// Vitest's own order stands (failed first, then the longest of the previous run).
// `--sequence.seed N` deals the files in an order drawn from N instead: Vitest's own
// `--sequence.shuffle.files` gives way to a custom sequencer, and the integration files
// share one process per worker, so a seed is how to show that none depends on the files before it.
import { BaseSequencer, type TestSpecification } from "vitest/node";

export class UnitFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seed = this.ctx.config.sequence.seed;
    const sorted = seed === undefined ? await super.sort(files) : dealt(files, seed);
    const needsNoDatabase = (file: TestSpecification) => file.project.name === "unit";
    return [...sorted.filter(needsNoDatabase), ...sorted.filter((file) => !needsNoDatabase(file))];
  }
}

/** Fisher–Yates with a small seeded generator (mulberry32): the same seed, the same order. */
function dealt(files: readonly TestSpecification[], seed: number): TestSpecification[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const key = (file: TestSpecification) => `${file.project.name} ${file.moduleId}`;
  const copy = [...files].sort((a, b) => key(a).localeCompare(key(b)));
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
