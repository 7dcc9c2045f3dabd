import { claimJobTurn } from "../../cluster/jobLock";
import type { Db } from "../../db/client";
import { listRegionsAtLevel } from "../../db/regionRepository";
import { codesByParent } from "../../domain/regions";
import { runEscalation } from "./alertActions";
import { evaluateRegions, evaluateSilentPoints } from "./alertEvaluation";
import { escalationLimits } from "./escalationSettings";
import { periodsEnding } from "../../domain/metrics";
import { currentPeriod, previousPeriod } from "../metrics";
import { escalateOverdueItems } from "../rectification/escalation";

const ESCALATION_EVERY_MS = 60_000;
const EVALUATION_EVERY_MS = 10 * 60_000;

/** Every county of the current period, grouped by parent so peers are computed once per group. */
export async function evaluateAllCounties(db: Db, period = currentPeriod(), now = new Date()) {
  let events = 0;
  for (const codes of codesByParent(await listRegionsAtLevel(db, "", 3)))
    events += (await evaluateRegions(db, codes, period, now)).length;
  return events;
}

/**
 * Every county for each of the last `months` months, oldest first, so the inbox
 * is right from the first minute after a seed, an import or a metrics rebuild
 * instead of after the first scheduled turn.
 */
export async function evaluateRecentMonths(db: Db, months = 12, now = new Date()): Promise<number> {
  let events = 0;
  for (const period of periodsEnding(currentPeriod(now), months)) events += await evaluateAllCounties(db, period, now);
  return events;
}

/**
 * Time-based work: escalation each minute, a full evaluation every ten minutes.
 * With several instances, each turn runs on whichever instance claims it first.
 */
export function startAlertScheduler(
  db: Db,
  log: (line: string) => void,
  intervals = { escalationMs: ESCALATION_EVERY_MS, evaluationMs: EVALUATION_EVERY_MS },
) {
  let running = false;
  const guard = (name: string, job: string, everyMs: number, run: () => Promise<unknown>) => async () => {
    if (running) return;
    running = true;
    try {
      // The lease is a little shorter than the interval so the next turn is never blocked by this one's.
      if (await claimJobTurn(job, Math.floor(everyMs * 0.9))) await run();
    } catch (error) {
      log(`${name}失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const escalation = setInterval(
    guard("预警升级", "escalation", intervals.escalationMs, async () => {
      const limits = await escalationLimits(db);
      await runEscalation(db, new Date(), limits);
      await escalateOverdueItems(db, new Date(), limits);
    }),
    intervals.escalationMs,
  );
  // The month just closed is when a silent monitoring point becomes a finding.
  const evaluation = setInterval(
    guard("定时评估", "evaluation", intervals.evaluationMs, async () => {
      await evaluateAllCounties(db);
      await evaluateSilentPoints(db, previousPeriod(currentPeriod()));
    }),
    intervals.evaluationMs,
  );
  escalation.unref();
  evaluation.unref();
  return {
    stop() {
      clearInterval(escalation);
      clearInterval(evaluation);
    },
  };
}
