// Child process for the restart test: writes an alert event the way every
// writer does (alert, event and outbox row in one transaction), then dies with
// SIGKILL before its notification worker ever runs.
import { createPrismaClient } from "../db/client";
import { insertEvent } from "../db/alertRepository";
import { startNotificationWorker } from "../services/notifications/worker";

const [provider, location, ruleId] = process.argv.slice(2);
const db = createPrismaClient({ provider: provider === "postgresql" ? "postgresql" : "sqlite", location: location! });
startNotificationWorker(db, () => {}, 60_000);
await db.$transaction(async (tx) => {
  const alert = await tx.alert.create({
    data: {
      dedupKey: `CRASH@220103@202611`,
      ruleKey: "VIOLATION_FORM",
      ruleId: ruleId!,
      regionCode: "220103",
      period: 202611,
      severity: "CRITICAL",
      state: "FIRING",
      value: 7,
      threshold: 0,
      summary: "宽城区 2026年11月：填报表格违规 7 村次（《意见》第3条）",
      firingAt: new Date(),
    },
  });
  await insertEvent(tx, { alertId: alert.id, regionCode: alert.regionCode, type: "FIRING", payload: { value: 7 } });
});
process.stdout.write("written\n");
process.kill(process.pid, "SIGKILL");
