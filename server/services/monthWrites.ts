// Which months of a kept record.list total a count can still vouch for. A count reads the months it
// counts at some moment during the query: a write of a month that was under way, or began, while it ran
// may or may not be in that month's number. Other months' numbers are exact and can be kept.

/** What was under way when a count started. */
export interface CountMark {
  sequence: number;
  underWay: ReadonlySet<number>;
}

/** One database's writes of burden records, by month (yyyymm of occurredOn, as `periodOf`). */
export class MonthWrites {
  private sequence = 0;
  private readonly underWay = new Map<number, number>();
  private readonly lastBegun = new Map<number, number>();

  /** A write of records in these months begins; call `end` with the same months when it is over. */
  begin(months: Iterable<number>): void {
    for (const month of new Set(months)) {
      this.underWay.set(month, (this.underWay.get(month) ?? 0) + 1);
      this.touched([month]);
    }
  }

  end(months: Iterable<number>): void {
    for (const month of new Set(months)) {
      const left = (this.underWay.get(month) ?? 0) - 1;
      if (left > 0) this.underWay.set(month, left);
      else this.underWay.delete(month);
    }
  }

  /** Records of these months have changed (a write already committed): counts running now may miss it. */
  touched(months: Iterable<number>): void {
    for (const month of months) {
      this.sequence += 1;
      this.lastBegun.set(month, this.sequence);
    }
  }

  /** Taken as a count starts. */
  mark(): CountMark {
    return { sequence: this.sequence, underWay: new Set(this.underWay.keys()) };
  }

  /** The months a count started at `mark` cannot vouch for. */
  voidedSince(mark: CountMark): Set<number> {
    const voided = new Set(mark.underWay);
    for (const [month, at] of this.lastBegun) if (at > mark.sequence) voided.add(month);
    return voided;
  }
}

/** One filter's kept total, month by month; a month not kept is `voided` and must be counted afresh. */
export class MonthCounts {
  readonly voided: Set<number>;
  private readonly counts: Map<number, number>;

  /** `counts`: what a count found (months it found nothing in are absent: 0); `voided`: months it cannot vouch for. */
  constructor(counts: ReadonlyMap<number, number>, voided: Iterable<number>) {
    this.voided = new Set(voided);
    this.counts = new Map([...counts].filter(([month]) => !this.voided.has(month)));
  }

  /** The sum of the months kept. */
  keptTotal(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** A record of `month` was added since the count; a voided month is counted afresh anyway. */
  add(month: number, n = 1): void {
    if (!this.voided.has(month)) this.counts.set(month, (this.counts.get(month) ?? 0) + n);
  }

  void(month: number): void {
    this.voided.add(month);
    this.counts.delete(month);
  }

  /** A fresh count of a voided month that no write overlapped. */
  settle(month: number, n: number): void {
    this.voided.delete(month);
    this.counts.set(month, n);
  }
}
