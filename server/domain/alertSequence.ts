/**
 * Which alert events a client has applied. Sequences are global and may arrive
 * out of order or twice (live + replay); `accept` says whether an event is new
 * and not older than what its alert already shows.
 */
export class SequenceTracker {
  highest: number;
  /** Everything at or below this is applied (or in the loaded list): the replay resends nothing below it. */
  floor: number;
  private readonly seen = new Set<number>();
  private readonly alertSeq = new Map<string, number>();

  /** Events at or below `loadedAt` are already in the loaded list. */
  constructor(loadedAt = 0) {
    this.highest = loadedAt;
    this.floor = loadedAt;
  }

  accept(seq: number, alertId?: string | null): boolean {
    if (seq <= this.floor || this.seen.has(seq)) return false;
    this.seen.add(seq);
    if (this.seen.size > 5000) this.forgetOldest();
    this.highest = Math.max(this.highest, seq);
    if (!alertId) return true;
    if ((this.alertSeq.get(alertId) ?? 0) > seq) return false;
    this.alertSeq.set(alertId, seq);
    return true;
  }

  // The floor rises past what is forgotten, or a replay's overlap would apply those events twice.
  private forgetOldest() {
    const oldest = [...this.seen].sort((a, b) => a - b).slice(0, 1000);
    for (const seq of oldest) this.seen.delete(seq);
    this.floor = Math.max(this.floor, oldest.at(-1)!);
  }
}
