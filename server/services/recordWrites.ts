// Every path that writes burden records (manual entry, a department's self-report,
// direct-report conversion, ledger import, edits and withdrawals) ends here, so the
// alerts, the counted frequencies and the 新增违规 events cannot differ between paths.
import type { Db } from "../db/client";
import { type CreatedRecords, findCreatedViolations } from "../db/burdenRepository";
import { evaluateAfterWrites } from "./alerts/alertEvaluation";
import { announceViolations } from "./alerts/violationEvents";
import { Coalescer } from "./coalesce";
import { rejudgeFrequencies, type TouchedDemand } from "./frequency";
import { forgetRecordMonths } from "./recordCounts";

// Under 50 clients a county gets several records a second, and each evaluation of its month reads
// every sibling county's aggregates: writes that arrive during one evaluation share the next, which
// waits as long again first, so that evaluating a busy county takes at most half the event loop.
const evaluations = new WeakMap<Db, Coalescer<TouchedDemand>>();

function evaluateAfter(db: Db, touched: readonly TouchedDemand[]): Promise<unknown> {
  const months = new Set(touched.map((t) => `${t.scopeRegionCode.slice(0, 6)}|${t.period}`));
  // Several counties or months (an import, an edit that moved a record): one pass, as evaluateAfterWrites groups them.
  if (months.size !== 1) return evaluateAfterWrites(db, [...touched]);
  let coalescer = evaluations.get(db);
  if (!coalescer) {
    coalescer = new Coalescer((writes) => evaluateAfterWrites(db, writes), { rest: 1 });
    evaluations.set(db, coalescer);
  }
  return coalescer.run([...months][0]!, touched);
}

export async function afterRecordsWritten(
  db: Db,
  actor: { id: string; role: string } | null,
  touched: readonly TouchedDemand[],
  created?: CreatedRecords,
  options: { totalsUpdated?: boolean } = {},
): Promise<void> {
  // The kept record.list totals are this instance's; a writer must see their record counted at once
  // (creatingRecords has added new records to them already; other writes make the lists count their
  // months again: `touched` holds every written record as it was and as it is, by its period).
  if (!options.totalsUpdated)
    forgetRecordMonths(
      db,
      touched.map((t) => t.period),
    );
  await evaluateAfter(db, touched);
  await rejudgeFrequencies(db, touched, actor);
  // Read back after the frequencies were counted: a form beyond its yearly allowance is a violation only now.
  if (created) await announceViolations(db, await findCreatedViolations(db, created));
}
