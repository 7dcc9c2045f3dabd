// Merge advice for a cluster of forms: one form with the union of their data
// items, grouped as a monitor would lay it out, built on the member that
// already covers most of the union so departments change least.
import { DATA_ITEM_BY_KEY } from "./dataItems";

export interface ClusterMember {
  key: string;
  title: string;
  department: string | null;
  items: readonly string[];
  fillingsPerYear: number;
}

export interface MergeProposalDraft {
  clusterKey: string;
  title: string;
  baseKey: string;
  baseTitle: string;
  members: { key: string; title: string; department: string | null }[];
  departments: string[];
  groups: { group: string; items: { key: string; label: string }[] }[];
  itemCount: number;
}

export function itemLabel(item: string): string {
  return DATA_ITEM_BY_KEY.get(item)?.label ?? item.replace(/^字段:/, "");
}

export function itemGroup(item: string): string {
  return DATA_ITEM_BY_KEY.get(item)?.group ?? "其他";
}

/** Stable identity of a cluster: its member keys, sorted. A decision stays attached while the membership is the same. */
export function clusterKeyOf(memberKeys: readonly string[]): string {
  return [...memberKeys].sort().join("|");
}

export function proposeMerge(
  members: readonly ClusterMember[],
  weights: ReadonlyMap<string, number>,
): MergeProposalDraft {
  const union = new Set(members.flatMap((m) => m.items));
  const coverage = (m: ClusterMember) => m.items.reduce((s, i) => s + (weights.get(i) ?? 0), 0);
  const base = [...members].sort(
    (a, b) =>
      coverage(b) - coverage(a) || b.fillingsPerYear - a.fillingsPerYear || a.title.localeCompare(b.title, "zh-CN"),
  )[0]!;
  const byGroup = new Map<string, { key: string; label: string }[]>();
  const groupOrder = [...new Set([...DATA_ITEM_BY_KEY.values()].map((i) => i.group)), "其他"];
  for (const item of union) {
    const g = itemGroup(item);
    const list = byGroup.get(g) ?? [];
    list.push({ key: item, label: itemLabel(item) });
    byGroup.set(g, list);
  }
  const groups = groupOrder.filter((g) => byGroup.has(g)).map((group) => ({ group, items: byGroup.get(group)! }));
  const departments = [...new Set(members.map((m) => m.department).filter((d): d is string => !!d))];
  return {
    clusterKey: clusterKeyOf(members.map((m) => m.key)),
    title: `${base.title.replace(/(表|台账|花名册)$/, "")}等${members.length}表合并（一表通）`,
    baseKey: base.key,
    baseTitle: base.title,
    members: members.map((m) => ({ key: m.key, title: m.title, department: m.department })),
    departments,
    groups,
    itemCount: union.size,
  };
}
