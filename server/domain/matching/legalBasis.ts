// A legal basis clears a mechanism or certificate only if a person can check
// it: a law or regulation by name, or a document number. "无", "县委要求" or
// "上级安排" are not a basis (clause 4, clause 7).

const DOCUMENT_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号/;
const NAMED_LAW =
  /《[^》]{2,60}(?:法|条例|规定|决定|办法|细则|意见|通知|规则)》|中华人民共和国[\u4e00-\u9fa5]{2,30}法|[\u4e00-\u9fa5]{2,20}(?:法|条例)(?:第[一二三四五六七八九十百零\d]+条)?$/;
const NOT_A_BASIS = /^(?:无|没有|暂无|不详|不清楚|不知道|否|\/|-|—|待定|待补充|有|是|有依据)$/;

export type BasisCheck = "CHECKABLE" | "UNCHECKABLE" | "EMPTY";

export function checkLegalBasis(text: unknown): BasisCheck {
  const value = typeof text === "string" ? text.normalize("NFKC").trim() : "";
  if (!value || NOT_A_BASIS.test(value)) return "EMPTY";
  if (DOCUMENT_NUMBER.test(value.normalize("NFKC")) || NAMED_LAW.test(value)) return "CHECKABLE";
  return "UNCHECKABLE";
}
