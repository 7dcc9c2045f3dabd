import type { Db } from "../db/client";
import { runEscalation } from "./alertActions";
import { evaluateRegions, evaluateSilentPoints } from "./alertEvaluation";
import { escalationLimits } from "./escalationSettings";
import { currentPeriod, previousPeriod } from "./metrics";

const ESCALATION_EVERY_MS = 60_000;
const EVALUATION_EVERY_MS = 10 * 60_000;

/** Every county of the current period, grouped by parent so peers are computed once per group. */
export async function evaluateAllCounties(db: Db, period = currentPeriod(), now = new Date()) {
  const counties = await db.region.findMany({ where: { level: 3 }, select: { code: true, parentCode: true } });
  const byParent = new Map<string, string[]>();
  for (const c of counties) byParent.set(c.parentCode ?? "", [...(byParent.get(c.parentCode ?? "") ?? []), c.code]);
  let events = 0;
  for (const codes of byParent.values()) events += (await evaluateRegions(db, codes, period, now)).length;
  return events;
}

/** Time-based work: escalation each minute, a full evaluation every ten minutes. */
export function startAlertScheduler(db: Db, log: (line: string) => void) {
  let running = false;
  const guard = (name: string, run: () => Promise<unknown>) => async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (error) {
      log(`${name}失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const escalation = setInterval(guard("预警升级", async () => runEscalation(db, new Date(), await escalationLimits(db))), ESCALATION_EVERY_MS);
  // The month just closed is when a silent monitoring point becomes a finding.
  const evaluation = setInterval(guard("定时评估", async () => {
    await evaluateAllCounties(db);
    await evaluateSilentPoints(db, previousPeriod(currentPeriod()));
  }), EVALUATION_EVERY_MS);
  escalation.unref();
  evaluation.unref();
  return {
    stop() {
      clearInterval(escalation);
      clearInterval(evaluation);
    },
  };
}
