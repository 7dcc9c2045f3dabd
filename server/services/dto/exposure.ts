// What the exposure procedures return: a case with its state as a closed union.
export const EXPOSURE_STATES = ["DRAFT", "PENDING_APPROVAL", "PUBLISHED", "RECTIFIED"] as const;
export type ExposureState = (typeof EXPOSURE_STATES)[number];

export const EXPOSURE_STATE_NAMES: Record<ExposureState, string> = {
  DRAFT: "草稿",
  PENDING_APPROVAL: "待审批",
  PUBLISHED: "已发布",
  RECTIFIED: "已整改",
};

export interface ExposureCaseDto {
  id: string;
  regionCode: string;
  departmentId: string;
  title: string;
  demanded: string;
  clause: number;
  evidence: string | null;
  rectification: string;
  deadline: Date;
  state: ExposureState;
  alertId: string | null;
  recordId: string | null;
  createdById: string;
  approvedById: string | null;
  publishedAt: Date | null;
  rectifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ExposureListItem extends ExposureCaseDto {
  departmentName: string;
  regionName: string;
  stateName: string;
}

function stateOf(id: string, state: string): ExposureState {
  const known = EXPOSURE_STATES.find((s) => s === state);
  if (!known) throw new Error(`通报案例 ${id} 的状态无效：${state}`);
  return known;
}

export function toExposureCaseDto(row: ExposureCaseDto | (Omit<ExposureCaseDto, "state"> & { state: string })) {
  const dto: ExposureCaseDto = {
    id: row.id,
    regionCode: row.regionCode,
    departmentId: row.departmentId,
    title: row.title,
    demanded: row.demanded,
    clause: row.clause,
    evidence: row.evidence,
    rectification: row.rectification,
    deadline: row.deadline,
    state: stateOf(row.id, row.state),
    alertId: row.alertId,
    recordId: row.recordId,
    createdById: row.createdById,
    approvedById: row.approvedById,
    publishedAt: row.publishedAt,
    rectifiedAt: row.rectifiedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  return dto;
}
