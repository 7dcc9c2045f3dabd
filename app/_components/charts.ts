import { BURDEN_KINDS, BURDEN_KIND_NAMES, type BurdenKind } from "@/server/domain/burdenKinds";

/** One colour per burden kind, the same on every chart. */
export const KIND_COLORS: Record<BurdenKind, string> = {
  FORM: "#c62828",
  MATERIAL: "#ef6c00",
  WORK_GROUP: "#f9a825",
  PROOF_DEMAND: "#6a1b9a",
  MECHANISM: "#2e7d32",
  SIGNBOARD: "#00838f",
  CERTIFICATE: "#1565c0",
  TASK: "#4e342e",
  INSPECTION: "#546e7a",
};

export const KIND_SERIES = BURDEN_KINDS.map((kind) => ({ kind, name: BURDEN_KIND_NAMES[kind], color: KIND_COLORS[kind] }));

export const BAND_NAMES = ["", "较轻（前20%）", "偏轻", "中等", "偏重", "较重（后20%）"];
export const BAND_COLORS = ["", "green", "cyan", "gold", "orange", "red"];
