// Repeated-entry burden: field entries that re-ask, within one calendar year,
// a data item the same village already gave to another form. The first time
// an item is given is not repeated; neither is the same form asking again
// (that is its frequency, judged elsewhere).

export interface Filling {
  formKey: string;
  /** yyyymm; fillings are counted in time order within each year. */
  period: number;
  /** Tie-break within a month (e.g. the day). */
  order?: number;
}

export interface TimelineBurden {
  entries: number;
  repeated: number;
  fillings: number;
  repeatedByForm: Map<string, number>;
}

/** One village's (or one group of identical villages') year of fillings. */
export function repeatedEntries(
  fillings: readonly Filling[],
  formItems: ReadonlyMap<string, readonly string[]>,
): TimelineBurden {
  const sorted = [...fillings].sort((x, y) => x.period - y.period || (x.order ?? 0) - (y.order ?? 0));
  const repeatedByForm = new Map<string, number>();
  let entries = 0;
  let repeated = 0;
  let year = -1;
  // item → the one form it was given to, or null once two forms have asked.
  let givenTo = new Map<string, string | null>();
  for (const f of sorted) {
    const y = Math.floor(f.period / 100);
    if (y !== year) {
      year = y;
      givenTo = new Map();
    }
    const items = formItems.get(f.formKey) ?? [];
    let again = 0;
    for (const item of items) {
      entries++;
      if (!givenTo.has(item)) givenTo.set(item, f.formKey);
      else {
        const to = givenTo.get(item);
        if (to !== f.formKey) {
          again++;
          givenTo.set(item, null);
        }
      }
    }
    repeated += again;
    if (again) repeatedByForm.set(f.formKey, (repeatedByForm.get(f.formKey) ?? 0) + again);
  }
  return { entries, repeated, fillings: sorted.length, repeatedByForm };
}

export function entryHours(entries: number, minutesPerFieldEntry: number): number {
  return (entries * minutesPerFieldEntry) / 60;
}

/** Default standard minutes for one field entered once by one village (editable with the other standard minutes). */
export const DEFAULT_MINUTES_PER_FIELD_ENTRY = 2;
