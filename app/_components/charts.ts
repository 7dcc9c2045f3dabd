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

export const KIND_SERIES = BURDEN_KINDS.map((kind) => ({
  kind,
  name: BURDEN_KIND_NAMES[kind],
  color: KIND_COLORS[kind],
}));

/** Bands follow the score (server/domain/scoring.ts scoreBand): the range is part of the name. */
export const BAND_NAMES = [
  "",
  "较轻（0–20分）",
  "偏轻（20–40分）",
  "中等（40–60分）",
  "偏重（60–80分）",
  "较重（80–100分）",
];
/** Short band names where space is tight (phones). */
export const BAND_SHORT_NAMES = ["", "较轻", "偏轻", "中等", "偏重", "较重"];
export const BAND_COLORS = ["", "green", "cyan", "gold", "orange", "red"];
