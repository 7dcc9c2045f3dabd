// Chinese word segmentation for the field dictionary. @node-rs/jieba ships
// its dictionary inside the package, so nothing is fetched at run time.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import type { Tokenize } from "../../domain/formOverlap/similarity";

let jieba: Jieba | null = null;

export const segment: Tokenize = (text) => {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, false).filter((t) => t.trim() !== "");
};
