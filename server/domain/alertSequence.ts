/**
 * Which alert events a client has applied. Sequences are global and may arrive
 * out of order or twice (live + replay); `accept` says whether an event is new
 * and not older than what its alert already shows.
 */
export class SequenceTracker {
  highest: number;
  private readonly seen = new Set<number>();
  private readonly alertSeq = new Map<string, number>();

  /** Events at or below `loadedAt` are already in the loaded list. */
  constructor(private readonly loadedAt = 0) {
    this.highest = loadedAt;
  }

  accept(seq: number, alertId?: string | null): boolean {
    if (seq <= this.loadedAt || this.seen.has(seq)) return false;
    this.seen.add(seq);
    if (this.seen.size > 5000) this.forgetOldest();
    this.highest = Math.max(this.highest, seq);
    if (!alertId) return true;
    if ((this.alertSeq.get(alertId) ?? 0) > seq) return false;
    this.alertSeq.set(alertId, seq);
    return true;
  }

  private forgetOldest() {
    const oldest = [...this.seen].sort((a, b) => a - b).slice(0, 1000);
    for (const seq of oldest) this.seen.delete(seq);
  }
}
