// The order Vitest hands files to its workers. The global setup starts building the
// seeded template databases when the run begins (globalSetup.ts); the unit files need
// none, so they go first and the two workers run them while the seeds are built,
// instead of both waiting on the first seed with one core idle. Within each project
// Vitest's own order stands (failed first, then the longest of the previous run).
import { BaseSequencer, type TestSpecification } from "vitest/node";

export class UnitFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const needsNoDatabase = (file: TestSpecification) => file.project.name === "unit";
    return [...sorted.filter(needsNoDatabase), ...sorted.filter((file) => !needsNoDatabase(file))];
  }
}
