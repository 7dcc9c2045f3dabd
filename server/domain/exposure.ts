// 通报曝光: the states a case moves through and what a case says.
export const EXPOSURE_STATES = ["DRAFT", "PENDING_APPROVAL", "PUBLISHED", "RECTIFIED"] as const;
export type ExposureState = (typeof EXPOSURE_STATES)[number];

export const EXPOSURE_STATE_NAMES: Record<ExposureState, string> = {
  DRAFT: "草稿",
  PENDING_APPROVAL: "待审批",
  PUBLISHED: "已发布",
  RECTIFIED: "已整改",
};

/** What the public bulletin shows: inspectors, leaders and departments see only these. */
export const PUBLIC_EXPOSURE_STATES: readonly ExposureState[] = ["PUBLISHED", "RECTIFIED"];

/**
 * The states a role may list, narrowed by the ones asked for: monitors and admins curate
 * drafts, everyone else reads the bulletin. `undefined` is no filter; after narrowing, an
 * empty list means nothing, never "no filter".
 */
export function visibleExposureStates(role: string, requested?: ExposureState[]): ExposureState[] | undefined {
  if (role === "monitor" || role === "admin") return requested?.length ? requested : undefined;
  return (requested ?? PUBLIC_EXPOSURE_STATES).filter((s) => PUBLIC_EXPOSURE_STATES.includes(s));
}

/** What a monitor writes when drafting a case. */
export interface ExposureFields {
  regionCode: string;
  departmentId: string;
  title: string;
  demanded: string;
  clause: number;
  evidence: string | null;
  rectification: string;
  deadline: Date;
}

export function exposureStateOf(state: string): ExposureState | null {
  return EXPOSURE_STATES.find((s) => s === state) ?? null;
}
