// The field dictionary (数据项字典): field name → canonical data item. Seed
// synonyms first, then monitors' own mappings (which win), then the name's
// head word (Chinese puts the head last: 老人身份证号 is a 身份证号), then
// similarity. Below the similarity bar a field stays unmapped for a monitor
// to decide: a wrong merge is worse than an open question.
import { DATA_ITEMS, ROLE_QUALIFIERS, STRUCTURAL_FIELDS, WORD_SYNONYMS } from "./dataItems";
import { normaliseFieldName } from "./normalise";
import { bigramDice, bigramsOf, tokenJaccard, type Tokenize } from "./similarity";

export type MappingStatus = "MAPPED" | "UNIQUE" | "UNMAPPED" | "STRUCTURAL";
export type MappingMethod = "override" | "synonym" | "head" | "similar" | "none";

export interface FieldMapping {
  raw: string;
  normalised: string;
  itemKey: string | null;
  status: MappingStatus;
  method: MappingMethod;
  score: number;
  /** Closest item when unmapped, offered to the monitor. */
  suggestion: string | null;
}

/** A monitor's decision: map a normalised field name to an item, or mark it unique (itemKey null). */
export interface DictionaryOverride {
  fieldName: string;
  itemKey: string | null;
}

export const SIMILARITY_BAR = 0.55;
/** Share of the name a head word must cover, or 是否有… questions collapse onto a short word. */
const HEAD_SHARE = 0.25;

/** The name in canonical words, the form every comparison uses. */
export function canonicalWords(normalised: string): string {
  let text = normalised;
  for (const [pattern, replacement] of WORD_SYNONYMS) text = text.replace(pattern, replacement);
  return text || normalised;
}

interface Entry {
  order: number;
  text: string;
  itemKey: string;
  tokens: string[];
}

/** The seed synonym table prepared for one tokenizer: built once, shared by every dictionary using it. */
interface Seed {
  exact: Map<string, string>;
  entries: Entry[];
  /** bigram or word → entries containing it: only those can score above 0. */
  index: Map<string, Entry[]>;
  /** Seed-only resolutions by normalised name; monitors' overrides are checked before it. */
  resolved: Map<string, Omit<FieldMapping, "raw">>;
}

const seeds = new WeakMap<Tokenize, Seed>();

function seedFor(tokenize: Tokenize): Seed {
  const cached = seeds.get(tokenize);
  if (cached) return cached;
  const seed: Seed = { exact: new Map(), entries: [], index: new Map(), resolved: new Map() };
  for (const item of DATA_ITEMS) {
    for (const synonym of [item.label, ...item.synonyms]) {
      const text = canonicalWords(normaliseFieldName(synonym));
      if (!seed.exact.has(text)) seed.exact.set(text, item.key);
      seed.entries.push({ order: 0, text, itemKey: item.key, tokens: tokenize(text) });
    }
  }
  // Longest first so the head-word step prefers 残疾人证号 over 证号.
  seed.entries.sort((a, b) => b.text.length - a.text.length);
  seed.entries.forEach((e, i) => {
    e.order = i;
  });
  for (const e of seed.entries) {
    for (const key of new Set([...bigramsOf(e.text), ...e.tokens])) {
      const list = seed.index.get(key);
      if (list) list.push(e);
      else seed.index.set(key, [e]);
    }
  }
  seeds.set(tokenize, seed);
  return seed;
}

const STRUCTURAL = new Set(STRUCTURAL_FIELDS.map(normaliseFieldName));

export class FieldDictionary {
  private readonly overrides = new Map<string, string | null>();
  private readonly seed: Seed;

  constructor(
    private readonly tokenize: Tokenize,
    overrides: readonly DictionaryOverride[] = [],
  ) {
    this.seed = seedFor(tokenize);
    for (const o of overrides) this.overrides.set(normaliseFieldName(o.fieldName), o.itemKey);
  }

  map(raw: string): FieldMapping {
    const normalised = normaliseFieldName(raw);
    if (normalised && !STRUCTURAL.has(normalised) && this.overrides.has(normalised)) {
      const itemKey = this.overrides.get(normalised) ?? null;
      return {
        raw,
        normalised,
        suggestion: null,
        itemKey,
        status: itemKey ? "MAPPED" : "UNIQUE",
        method: "override",
        score: 1,
      };
    }
    let result = this.seed.resolved.get(normalised);
    if (!result) {
      result = this.resolve(normalised);
      this.seed.resolved.set(normalised, result);
    }
    return { raw, ...result };
  }

  private resolve(normalised: string): Omit<FieldMapping, "raw"> {
    const base = { normalised, suggestion: null };
    if (!normalised || STRUCTURAL.has(normalised))
      return { ...base, itemKey: null, status: "STRUCTURAL", method: "none", score: 1 };
    const canonical = canonicalWords(normalised);
    const exact = this.seed.exact.get(canonical);
    if (exact) return { ...base, itemKey: exact, status: "MAPPED", method: "synonym", score: 1 };

    for (const e of this.seed.entries) {
      if (e.text.length >= 2 && canonical.endsWith(e.text) && e.text.length / canonical.length >= HEAD_SHARE) {
        const modifier = canonical.slice(0, canonical.length - e.text.length);
        const role = ROLE_QUALIFIERS.find((r) => r.head === e.itemKey && r.qualifiers.test(modifier));
        return {
          ...base,
          itemKey: role?.itemKey ?? e.itemKey,
          status: "MAPPED",
          method: "head",
          score: e.text.length / canonical.length,
        };
      }
    }

    const tokens = this.tokenize(canonical);
    const candidates = new Set<Entry>();
    for (const key of [...bigramsOf(canonical), ...tokens])
      for (const e of this.seed.index.get(key) ?? []) candidates.add(e);
    let best: Entry | null = null;
    let bestScore = 0;
    for (const e of candidates) {
      const score = Math.max(bigramDice(canonical, e.text), tokenJaccard(tokens, e.tokens));
      if (score > bestScore || (score === bestScore && best && e.order < best.order)) {
        bestScore = score;
        best = e;
      }
    }
    if (best && bestScore >= SIMILARITY_BAR)
      return { ...base, itemKey: best.itemKey, status: "MAPPED", method: "similar", score: bestScore };
    return {
      ...base,
      itemKey: null,
      status: "UNMAPPED",
      method: "none",
      score: bestScore,
      suggestion: best?.itemKey ?? null,
    };
  }
}
