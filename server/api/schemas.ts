import { z } from "zod";

/**
 * Trimmed text within limits, each refusal in the procedure's own Chinese words: `missing` when it
 * is absent or not text (and when shorter than `min`, unless `tooShort` says otherwise), `tooLong` past `max`.
 */
export function trimmedText(missing: string, max: number, tooLong: string, min = 1, tooShort = missing) {
  return z.string({ error: missing }).trim().min(min, tooShort).max(max, tooLong);
}
