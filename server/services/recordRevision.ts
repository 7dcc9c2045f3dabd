import { updateRecordWithRevision } from "../db/burdenRepository";
import { accumulate, recordFilter } from "../db/metricRepository";

/**
 * Rewrites a record inside `tx` with its revision, keeping the month aggregates
 * right: its old values leave them and its new values enter them.
 */
export async function reviseRecord(...args: Parameters<typeof updateRecordWithRevision>) {
  const [tx, id] = args;
  await accumulate(tx, recordFilter(id), -1);
  const updated = await updateRecordWithRevision(...args);
  await accumulate(tx, recordFilter(id), 1);
  return updated;
}
