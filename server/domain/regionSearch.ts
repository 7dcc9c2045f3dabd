// Finding a village or community by name or by the initials of its pinyin
// ("stz" → 上台子村委会), always with its township and county, because names repeat
// (长春市 has three 上台子村委会).
import { pinyin } from "pinyin-pro";

export interface SearchEntry {
  code: string;
  name: string;
  level: number;
  initials: string;
}

/** Lower-case pinyin initials of a Chinese name; other characters are kept as they are. */
export function initialsOf(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
    .join("")
    .toLowerCase();
}

export function toEntry(region: { code: string; name: string; level: number }): SearchEntry {
  return { ...region, initials: initialsOf(region.name) };
}

/** Best matches first: name prefix, name anywhere, initials prefix, initials anywhere; then deeper levels (villages) first. */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 20): SearchEntry[] {
  const q = query.trim();
  if (!q) return [];
  const latin = /^[a-z]+$/i.test(q) ? q.toLowerCase() : null;
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    let score = -1;
    if (entry.name.startsWith(q)) score = 4;
    else if (entry.name.includes(q)) score = 3;
    else if (latin && entry.initials.startsWith(latin)) score = 2;
    else if (latin && entry.initials.includes(latin)) score = 1;
    if (score >= 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || b.entry.level - a.entry.level || a.entry.code.localeCompare(b.entry.code));
  return scored.slice(0, limit).map((s) => s.entry);
}
