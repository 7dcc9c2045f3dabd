import { runJobTurn } from "../../cluster/jobLock";
import { repeatEvery, turnGuard } from "../../cluster/turns";
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

export interface SchedulerJobs {
  escalate: () => Promise<unknown>;
  evaluate: () => Promise<unknown>;
}

function defaultJobs(db: Db): SchedulerJobs {
  return {
    escalate: async () => {
      const limits = await escalationLimits(db);
      await runEscalation(db, new Date(), limits);
      await escalateOverdueItems(db, new Date(), limits);
    },
    // The month just closed is when a silent monitoring point becomes a finding.
    evaluate: async () => {
      await evaluateAllCounties(db);
      await evaluateSilentPoints(db, previousPeriod(currentPeriod()));
    },
  };
}

/**
 * Time-based work: escalation each minute, a full evaluation every ten minutes.
 * A turn never overlaps another turn: in this process a turn still running makes
 * the timer skip, and across instances the job's lease is held for as long as the
 * turn runs (cluster/jobLock.ts), even when a national evaluation outlasts the interval.
 */
export function startAlertScheduler(
  db: Db,
  log: (line: string) => void,
  intervals = { escalationMs: ESCALATION_EVERY_MS, evaluationMs: EVALUATION_EVERY_MS },
  jobs: SchedulerJobs = defaultJobs(db),
) {
  // One guard for both jobs, so escalation never runs beside an evaluation in this process.
  const guarded = turnGuard(log);
  // The lease is a little shorter than the interval so the next turn is never blocked by this one's.
  const every = (name: string, job: string, everyMs: number, run: () => Promise<unknown>) =>
    repeatEvery(
      everyMs,
      guarded(name, () => runJobTurn(job, Math.floor(everyMs * 0.9), run)),
    );
  const escalation = every("预警升级", "escalation", intervals.escalationMs, jobs.escalate);
  const evaluation = every("定时评估", "evaluation", intervals.evaluationMs, jobs.evaluate);
  return {
    stop() {
      escalation.stop();
      evaluation.stop();
    },
  };
}
