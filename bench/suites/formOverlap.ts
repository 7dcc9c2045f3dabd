// 一表通 at scale: 1,000 forms of 30 fields each, worded with the variants
// departments use. Measures mapping every field, weighting, all overlapping
// pairs through the inverted index, and clustering; the baseline compares
// every pair's item sets directly (the naive all-pairs method) in the same run.
import { DATA_ITEMS } from "../../server/domain/formOverlap/dataItems";
import { FieldDictionary } from "../../server/domain/formOverlap/dictionary";
import {
  clusterForms,
  itemWeights,
  overlapPairs,
  overlapPairsNaive,
  toItemForm,
  type FormInput,
} from "../../server/domain/formOverlap/overlap";
import { seededRandom } from "../../server/domain/random";
import { segment } from "../../server/services/formOverlap/segmenter";
import type { Measurement } from "../harness";

const NOISE = [
  (s: string) => s,
  (s: string) => `*${s}`,
  (s: string) => `${s}（必填）`,
  (s: string) => `1.${s}`,
  (s: string) => s.split("").join(" "),
];

export function syntheticForms(count: number, fieldsPerForm: number, random: () => number): FormInput[] {
  const groups = [...new Set(DATA_ITEMS.map((i) => i.group))];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, n) => {
    const theme = DATA_ITEMS.filter((i) => i.group === pick(groups) || i.generic);
    const fields = new Set<string>();
    while (fields.size < fieldsPerForm) {
      const r = random();
      if (r < 0.6) fields.add(pick(NOISE)(pick(pick(theme).synonyms)));
      else if (r < 0.85) fields.add(pick(NOISE)(pick(pick(DATA_ITEMS).synonyms)));
      else fields.add(`专项指标${Math.floor(random() * 3000)}`);
    }
    return { key: String(n), title: `表格${n}`, fields: [...fields] };
  });
}

export async function formOverlapBench(count = 1000, fieldsPerForm = 30): Promise<Measurement[]> {
  const forms = syntheticForms(count, fieldsPerForm, seededRandom(17));
  console.log(`一表通：${count} 张表 × ${fieldsPerForm} 个字段…`);
  const started = performance.now();
  const dictionary = new FieldDictionary(segment);
  const itemForms = forms.map((f) => toItemForm(f, dictionary));
  const mapSeconds = (performance.now() - started) / 1000;

  const indexedStarted = performance.now();
  const pairs = overlapPairs(itemForms, itemWeights(itemForms), 0.3);
  const clusters = clusterForms(itemForms.length, pairs);
  const indexedSeconds = (performance.now() - indexedStarted) / 1000;

  const naiveStarted = performance.now();
  const naive = overlapPairsNaive(itemForms, itemWeights(itemForms), 0.3);
  clusterForms(itemForms.length, naive);
  const naiveSeconds = (performance.now() - naiveStarted) / 1000;
  if (naive.length !== pairs.length)
    throw new Error(`indexed and naive pair counts differ: ${pairs.length} vs ${naive.length}`);

  return [
    {
      suite: "一表通",
      metric: `overlap of ${count} forms × ${fieldsPerForm} fields (map fields, weights, pairs, clusters)`,
      value: mapSeconds + indexedSeconds,
      unit: "s",
      baseline: { label: "same mapping + naive all-pairs", value: mapSeconds + naiveSeconds },
      higherIsBetter: false,
      target: "< 5 s",
      note: `mapping ${mapSeconds.toFixed(2)} s; ${pairs.length.toLocaleString("zh-CN")} pairs ≥ 0.3, ${clusters.length} clusters`,
    },
    {
      suite: "一表通",
      metric: "pairs + clusters alone (inverted index)",
      value: indexedSeconds,
      unit: "s",
      baseline: { label: "naive all-pairs", value: naiveSeconds },
      higherIsBetter: false,
    },
  ];
}
