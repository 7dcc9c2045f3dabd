// The field list of a blank form is its header. Real headers have a merged
// title row above them and often two rows: a group cell spanning several
// columns (家庭成员情况) over the leaf fields (姓名 | 身份证号 | 与户主关系),
// with single fields merged down through both rows.

export interface HeaderCell {
  text: string;
  /** Part of a merge whose top-left cell is in an earlier row. */
  mergedFromAbove?: boolean;
  /** Part of a merge whose top-left cell is in an earlier column. */
  mergedFromLeft?: boolean;
}

const own = (c: HeaderCell | undefined): string => (c && !c.mergedFromAbove && !c.mergedFromLeft ? c.text.trim() : "");
const looksLikeData = (text: string) => /^[\d\s.,:/-]+$/.test(text);

export interface BlankFormHeader {
  fields: string[];
  /** Group headings of a two-row header, each with the fields under it. */
  groups: { title: string; fields: string[] }[];
  headerRow: number;
}

/** Reads the field names from the first rows of a table (at most the first ten are looked at). */
export function headerFields(rows: readonly (readonly HeaderCell[])[]): BlankFormHeader | null {
  const limit = Math.min(rows.length, 10);
  let h = -1;
  for (let r = 0; r < limit; r++) {
    const texts = new Set(rows[r]!.map(own).filter(Boolean));
    if (texts.size >= 2) {
      h = r;
      break;
    }
  }
  if (h < 0) return null;
  const top = rows[h]!;
  const next = rows[h + 1] ?? [];
  const width = Math.max(top.length, next.length);
  const spansDown = top.some((c, i) => own(c) && next[i]?.mergedFromAbove);
  const spansAcross = top.some((c) => c.mergedFromLeft);
  const nextHasLeaves = next.some((c) => own(c) && !looksLikeData(own(c)));
  const twoRows = (spansDown || spansAcross) && nextHasLeaves;

  const fields: string[] = [];
  const groups: BlankFormHeader["groups"] = [];
  let group: { title: string; fields: string[] } | null = null;
  for (let col = 0; col < width; col++) {
    const upper = own(top[col]);
    if (upper) group = null;
    const leaf = twoRows ? own(next[col]) : "";
    if (leaf) {
      if (upper && !next[col]?.mergedFromAbove && top[col + 1]?.mergedFromLeft) {
        group = { title: upper, fields: [] };
        groups.push(group);
      }
      group?.fields.push(leaf);
      fields.push(leaf);
    } else if (upper) {
      fields.push(upper);
    }
  }
  return { fields: [...new Set(fields)], groups, headerRow: h + 1 };
}
