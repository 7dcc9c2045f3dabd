import type { Db } from "../../db/client";
import {
  activeSilences,
  createAlerts,
  dedupKeysTaken,
  findEpisodes,
  updateAlertMachines,
  type AlertMachineState,
} from "../../db/alertRepository";
import { crossesCeiling, dedupKeyOf, transition, type MachineState } from "../../domain/alerts";
import {
  publishAlertEvents,
  toAlertDto,
  writeAlertEvents,
  type AlertEventDraft,
  type AlertEventMessage,
} from "./alertEvents";
import type { EffectiveRule } from "./alertRules";
import type { RuleValue } from "./ruleValues";

export interface ComputedValue {
  rule: EffectiveRule;
  region: { code: string; name: string };
  value: RuleValue;
  priorBreaches: number;
}

const EVALUATION_TRANSACTION = { timeout: 120_000, maxWait: 60_000 };
/** Keys tried per new episode: a month that opened more episodes of one rule + region than this is not expected. */
const NTH_TRIED = 8;

type Episode = Awaited<ReturnType<typeof findEpisodes>>[number];
type NewEpisode = Parameters<typeof createAlerts>[1][number];

/** One computed value's outcome, in the order of `computed`: its row (written in bulk) and its events. */
type Plan =
  | { kind: "update"; computed: ComputedValue; row: Episode & AlertMachineState; types: string[] }
  | { kind: "create"; computed: ComputedValue; data: NewEpisode; types: string[] };

/**
 * Writes the machine state of the alert episodes for computed rule values, one
 * event per change, in one transaction; pushes the events once it commits.
 * An alert is rule + region with episodes: the latest episode of the pair is
 * carried into this period; a breach with no open episode opens a new one.
 * A month before the latest one judged is history and is not re-judged. The
 * human layer is only read (for the ceiling), never written.
 *
 * Every verdict is decided in memory first, then written in a few multi-row
 * statements (new episodes, changed episodes, events with their outbox rows):
 * a first national evaluation opens ≈ 24,000 episodes, and one round trip per
 * row was most of its time.
 */
export async function applyRuleValues(
  db: Db,
  computed: ComputedValue[],
  period: number,
  now: Date,
): Promise<AlertEventMessage[]> {
  if (computed.length === 0) return [];
  const silences = await activeSilences(db, now);
  const isSilenced = (ruleKey: string, regionCode: string) =>
    silences.some((s) => regionCode.startsWith(s.regionCode) && (!s.ruleKey || s.ruleKey === ruleKey));
  const events = await db.$transaction(async (tx) => {
    const episodes = await findEpisodes(
      tx,
      [...new Set(computed.map((c) => c.rule.ruleKey))],
      [...new Set(computed.map((c) => c.region.code))],
    );
    const latest = latestEpisodes(episodes);
    const judged = (e: Episode) => e.lastPeriod ?? e.period;
    const plans: Plan[] = [];
    const writeTime = new Date();
    for (const c of computed) {
      const { rule, region, value, priorBreaches } = c;
      const episode = latest.get(`${rule.ruleKey}|${region.code}`);
      if (episode && judged(episode) > period) continue;
      const samePeriod = episode ? judged(episode) === period : false;
      // Re-judging the month that resolved an episode may reopen it: one month, one verdict.
      const open = episode && (episode.state !== "RESOLVED" || samePeriod) ? episode : null;
      const below = value.value <= rule.exitThreshold;
      if (open) {
        const base = samePeriod ? open.recoveryBase : open.recoveryCount;
        const state = open.state === "RESOLVED" ? "FIRING" : (open.state as MachineState);
        const step = transition(state, value.value, priorBreaches, rule, below ? base + 1 : 0);
        const reopened = open.state === "RESOLVED" && step.state !== "RESOLVED";
        if (open.state === "RESOLVED" && !reopened) continue;
        if (!reopened && step.events[0] === "VALUE_CHANGED" && samePeriod && open.value === value.value) continue;
        const types: string[] = reopened ? ["FIRING"] : [...step.events];
        let { firingAt, resolvedAt } = open;
        if (step.events.includes("FIRING") && open.state !== "FIRING" && !reopened)
          [firingAt, resolvedAt] = [now, null];
        if (reopened) resolvedAt = null;
        if (step.events.includes("RESOLVED")) resolvedAt = now;
        if (crossesCeiling(open.human, open.value, value.value)) types.push("REOPENED");
        const row = {
          ...open,
          state: step.state!,
          value: value.value,
          summary: value.summary,
          threshold: rule.enterThreshold,
          lastPeriod: period,
          recoveryBase: base,
          recoveryCount: below ? base + 1 : 0,
          firingAt,
          resolvedAt,
          updatedAt: writeTime,
        };
        plans.push({ kind: "update", computed: c, row, types });
      } else {
        const step = transition(null, value.value, priorBreaches, rule);
        if (step.state === null || step.events.length === 0) continue;
        const data = {
          dedupKey: "", // assigned below, once the keys already taken are known
          ruleKey: rule.ruleKey,
          ruleId: rule.id,
          regionCode: region.code,
          period,
          lastPeriod: period,
          severity: rule.severity,
          state: step.state,
          value: value.value,
          threshold: rule.enterThreshold,
          summary: value.summary,
          firstSeenAt: now,
          firingAt: step.state === "FIRING" ? now : null,
        };
        plans.push({ kind: "create", computed: c, data, types: [...step.events] });
      }
    }

    const creates = plans.filter((p) => p.kind === "create");
    const tried = creates.flatMap(({ data }) =>
      Array.from({ length: NTH_TRIED }, (_, n) => dedupKeyOf(data.ruleKey, data.regionCode, period, n + 1)),
    );
    const taken = new Set<string>();
    for (let i = 0; i < tried.length; i += 5000)
      for (const k of await dedupKeysTaken(tx, tried.slice(i, i + 5000))) taken.add(k.dedupKey);
    for (const { data } of creates) {
      let nth = 1;
      while (taken.has(dedupKeyOf(data.ruleKey, data.regionCode, period, nth))) nth += 1;
      data.dedupKey = dedupKeyOf(data.ruleKey, data.regionCode, period, nth);
      taken.add(data.dedupKey);
    }
    const created = new Map(
      (
        await createAlerts(
          tx,
          creates.map((p) => p.data),
        )
      ).map((a) => [a.dedupKey, a]),
    );
    // The same episode judged twice in one batch keeps the last verdict, as row-by-row updates did.
    const updated = new Map(plans.flatMap((p) => (p.kind === "update" ? [[p.row.id, p.row] as const] : [])));
    await updateAlertMachines(tx, [...updated.values()]);

    const drafts: AlertEventDraft[] = [];
    for (const plan of plans) {
      const { rule, region, value } = plan.computed;
      const saved = plan.kind === "update" ? plan.row : created.get(plan.data.dedupKey)!;
      const dto = toAlertDto(saved, region.name, now, isSilenced(rule.ruleKey, region.code));
      for (const type of plan.types)
        drafts.push({ alertId: saved.id, regionCode: region.code, type, payload: { alert: dto, value: value.value } });
    }
    return writeAlertEvents(tx, drafts);
    // A first evaluation of a prefecture's counties writes hundreds of rows; Prisma's 5 s default
    // expired under load (bench, load average 30) and threw the whole scheduled turn away.
  }, EVALUATION_TRANSACTION);
  publishAlertEvents(events);
  return events;
}

/** The latest episode of each rule + region: latest month judged, then latest opened. */
function latestEpisodes(episodes: Episode[]): Map<string, Episode> {
  const latest = new Map<string, Episode>();
  const judged = (e: Episode) => e.lastPeriod ?? e.period;
  for (const e of episodes) {
    const key = `${e.ruleKey}|${e.regionCode}`;
    const seen = latest.get(key);
    if (!seen || judged(e) > judged(seen) || (judged(e) === judged(seen) && e.firstSeenAt > seen.firstSeenAt))
      latest.set(key, e);
  }
  return latest;
}
