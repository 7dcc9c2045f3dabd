import { BURDEN_KIND_NAMES, BURDEN_KINDS } from "@/server/domain/burdenKinds";

/** Select options from a domain table of names, in the order given (the UI's order may differ from the table's). */
export function optionsOf<K extends string>(names: Record<K, string>, order: readonly K[] = Object.keys(names) as K[]) {
  return order.map((value) => ({ value, label: names[value] }));
}

/** The nine kinds of burden, in the domain's order. */
export const KIND_OPTIONS = optionsOf(BURDEN_KIND_NAMES, BURDEN_KINDS);
