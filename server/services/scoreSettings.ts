import type { SessionUser } from "../domain/actor";
import type { Db } from "../db/client";
import { insertAuditBy } from "../db/auditRepository";
import { insertScoreConfig, latestScoreConfig } from "../db/metricRepository";
import { BURDEN_KINDS } from "../domain/burdenKinds";
import type { MinutesConfig } from "../domain/metrics";
import { isWithin } from "../domain/regions";
import type { Weights } from "../domain/scoring";
import { PermissionError, UserInputError } from "./errors";
import { scoreSettingsFor } from "./metrics";

export interface ScoreSettingsInput {
  regionCode: string;
  weights: Weights;
  minutes: MinutesConfig;
  baselinePeriod: number;
}

/** Saves the next version of a region's score settings; every version is kept. */
export async function saveScoreSettings(db: Db, user: SessionUser, input: ScoreSettingsInput) {
  if (!isWithin(input.regionCode, user.regionCode))
    throw new PermissionError(`区划 ${input.regionCode} 不在您的管辖范围内`);
  if (BURDEN_KINDS.every((k) => input.weights[k] <= 0)) throw new UserInputError("至少一个类别的权重须大于0");
  const previous = await scoreSettingsFor(db, input.regionCode);
  const own = (await latestScoreConfig(db, [input.regionCode]))[0];
  return db.$transaction(async (tx) => {
    const saved = await insertScoreConfig(tx, {
      regionCode: input.regionCode,
      version: (own?.version ?? 0) + 1,
      weights: input.weights,
      minutesPerUnit: input.minutes,
      baselinePeriod: input.baselinePeriod,
      createdById: user.id,
    });
    await insertAuditBy(tx, user, {
      regionCode: input.regionCode,
      action: "SCORE_SETTINGS",
      entity: "ScoreConfig",
      entityId: saved.id,
      before: previous,
      after: saved,
    });
    return saved;
  });
}

export async function scoreSettingsHistory(db: Db, regionCode: string) {
  return latestScoreConfig(db, [regionCode]);
}
