// "Did you mean …?" for names typed into ledgers: 宽城区卫健局 → 宽城区卫生健康局.

/** Edit distance over Unicode characters (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length]!;
}

/** Every character of `short` appears in `long`, in order: the usual shape of a Chinese abbreviation. */
function isAbbreviationOf(short: string, long: string): boolean {
  const chars = [...long];
  let at = 0;
  for (const ch of short) {
    at = chars.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

const normalize = (s: string) => s.replace(/[\s（）()·、，,。.\-—_]/g, "");

/**
 * The candidate the user most likely meant, or null when none is close enough to
 * suggest. Abbreviations (all characters in order) win over plain typos.
 */
export function closestName(typed: string, candidates: Iterable<string>): string | null {
  const wanted = normalize(typed);
  if (!wanted) return null;
  let best: { name: string; score: number } | null = null;
  for (const name of candidates) {
    const plain = normalize(name);
    if (plain === wanted) return name;
    const distance = editDistance(wanted, plain);
    const abbreviation = [...wanted].length >= 3 && isAbbreviationOf(wanted, plain);
    const limit = Math.max(1, Math.floor([...plain].length / 3));
    if (!abbreviation && distance > limit) continue;
    const score = distance - (abbreviation ? 100 : 0);
    if (!best || score < best.score) best = { name, score };
  }
  return best?.name ?? null;
}
