// Chinese word segmentation (jieba, dictionary shipped in the package: nothing
// is downloaded). Loaded on first use; extra words keep domain terms whole.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

let jieba: Jieba | null = null;
const added = new Set<string>();

export function segment(text: string, extraWords: Iterable<string> = []): string[] {
  jieba ??= Jieba.withDict(dict);
  const fresh = [...extraWords].filter((w) => w.length >= 2 && !added.has(w));
  if (fresh.length > 0) {
    // A high frequency makes the dictionary prefer the whole term over its parts.
    jieba.loadDict(Buffer.from(`${fresh.map((w) => `${w} 100000 n`).join("\n")}\n`));
    for (const w of fresh) added.add(w);
  }
  return jieba.cut(text, false);
}
