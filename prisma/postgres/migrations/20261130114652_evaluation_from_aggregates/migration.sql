-- AlterTable
ALTER TABLE "MetricAggregate" ADD COLUMN     "startedRecords" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "BurdenRecord_standing_violation_idx" ON "BurdenRecord"("kind", "isViolation", "status", "scopeRegionCode", "period", "endPeriod");

-- Backfill "startedRecords": an event began in the month it counts in, a lasting record in its first month.
UPDATE "MetricAggregate" SET "startedRecords" = "records" WHERE "kind" NOT IN ('WORK_GROUP', 'MECHANISM', 'SIGNBOARD');
UPDATE "MetricAggregate" SET "startedRecords" = (
  SELECT count(*) FROM "BurdenRecord" r
  WHERE r."kind" = "MetricAggregate"."kind" AND r."period" = "MetricAggregate"."period" AND r."status" = 'ACTIVE'
    AND substr(r."scopeRegionCode", 1, length("MetricAggregate"."regionCode")) = "MetricAggregate"."regionCode"
) WHERE "kind" IN ('WORK_GROUP', 'MECHANISM', 'SIGNBOARD');
