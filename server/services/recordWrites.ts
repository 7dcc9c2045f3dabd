// Every path that writes burden records (manual entry, a department's self-report,
// direct-report conversion, ledger import, edits and withdrawals) ends here, so the
// alerts, the counted frequencies and the 新增违规 events cannot differ between paths.
import type { Db } from "../db/client";
import { type CreatedRecords, findCreatedViolations } from "../db/burdenRepository";
import { evaluateAfterWrites } from "./alerts/alertEvaluation";
import { announceViolations } from "./alerts/violationEvents";
import { rejudgeFrequencies, type TouchedDemand } from "./frequency";
import { forgetRecordCounts } from "./recordCounts";

export async function afterRecordsWritten(
  db: Db,
  actor: { id: string; role: string } | null,
  touched: readonly TouchedDemand[],
  created?: CreatedRecords,
): Promise<void> {
  // The kept record.list totals are this instance's; a writer must see their record counted at once.
  forgetRecordCounts();
  await evaluateAfterWrites(db, [...touched]);
  await rejudgeFrequencies(db, touched, actor);
  // Read back after the frequencies were counted: a form beyond its yearly allowance is a violation only now.
  if (created) await announceViolations(db, await findCreatedViolations(db, created));
}
