// Builds one template database in its own process (see templates.ts), so the
// build outlives a test file that gave up waiting for it.
import { buildTemplate, type TemplateKind, type TemplateRun } from "./templates";

const { run, provider, kind } = JSON.parse(process.argv[2] ?? "{}") as {
  run: TemplateRun;
  provider: "sqlite" | "postgresql";
  kind: TemplateKind;
};
if (kind.seed && kind.now) kind.now = new Date(kind.now);
try {
  await buildTemplate(run, provider, kind);
  process.exit(0);
} catch {
  process.exit(1);
}
