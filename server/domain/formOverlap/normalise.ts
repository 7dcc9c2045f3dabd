// Field names arrive as typed by departments: 「*户主姓名（必填）」, 「1. 身份证号码(18位)」,
// 「联系 电话」. Normalising first keeps the dictionary small and the matching honest.

/** Separators a ledger cell uses between field names (、，,;；/ and line breaks). */
const LIST_SEPARATORS = /[、，,;；/／\r\n\t|｜]+/;

/** Splits a free-text field list into names, dropping empties and exact repeats. */
export function parseFieldList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(LIST_SEPARATORS)) {
    const name = part.normalize("NFKC").replace(/\s+/g, " ").trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** Accepts a list or a text and returns the list. */
export function toFieldList(value: unknown): string[] {
  if (Array.isArray(value)) return parseFieldList(value.filter((v): v is string => typeof v === "string").join("\n"));
  if (typeof value === "string") return parseFieldList(value);
  return [];
}

/**
 * The comparable core of a field name: full-width folded, leading numbering,
 * required-markers, bracketed notes (units, formats) and punctuation removed.
 */
export function normaliseFieldName(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/^\s*(\(?\d+[.)、]?|[一二三四五六七八九十]+[、.])\s*/, "")
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, "")
    .replace(/[\s\p{P}\p{S}]/gu, "")
    .replace(/^(请填写|填写|请填|请选择|选择)/, "")
    .replace(/(必填|选填)$/, "")
    .toLowerCase();
}

/** One form under its different titles: 「农村低保对象动态管理台账（10月）」 is 农村低保对象动态管理台账. */
export function formKeyOf(title: string): string {
  return title
    .normalize("NFKC")
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, "")
    .replace(/[\s\p{P}]/gu, "");
}
