// What the exposure procedures return: a case with its state as a closed union.
import { type ExposureFields, type ExposureState, exposureStateOf } from "../../domain/exposure";

export { EXPOSURE_STATE_NAMES, EXPOSURE_STATES, type ExposureState } from "../../domain/exposure";

export interface ExposureCaseDto extends ExposureFields {
  id: string;
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
  const known = exposureStateOf(state);
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
