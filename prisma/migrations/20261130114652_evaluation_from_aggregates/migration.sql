-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MetricAggregate" (
    "regionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "units" REAL NOT NULL DEFAULT 0,
    "violationUnits" REAL NOT NULL DEFAULT 0,
    "dedicatedPostUnits" REAL NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "directUnits" REAL NOT NULL DEFAULT 0,
    "directViolationUnits" REAL NOT NULL DEFAULT 0,
    "directPostUnits" REAL NOT NULL DEFAULT 0,
    "directRecords" INTEGER NOT NULL DEFAULT 0,
    "startedRecords" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("regionCode", "period", "kind")
);
INSERT INTO "new_MetricAggregate" ("dedicatedPostUnits", "directPostUnits", "directRecords", "directUnits", "directViolationUnits", "kind", "period", "records", "regionCode", "units", "violationUnits") SELECT "dedicatedPostUnits", "directPostUnits", "directRecords", "directUnits", "directViolationUnits", "kind", "period", "records", "regionCode", "units", "violationUnits" FROM "MetricAggregate";
DROP TABLE "MetricAggregate";
ALTER TABLE "new_MetricAggregate" RENAME TO "MetricAggregate";
CREATE INDEX "MetricAggregate_period_kind_idx" ON "MetricAggregate"("period", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BurdenRecord_standing_violation_idx" ON "BurdenRecord"("kind", "isViolation", "status", "scopeRegionCode", "period", "endPeriod");

-- Backfill "startedRecords": an event began in the month it counts in, a lasting record in its first month.
UPDATE "MetricAggregate" SET "startedRecords" = "records" WHERE "kind" NOT IN ('WORK_GROUP', 'MECHANISM', 'SIGNBOARD');
UPDATE "MetricAggregate" SET "startedRecords" = (
  SELECT count(*) FROM "BurdenRecord" r
  WHERE r."kind" = "MetricAggregate"."kind" AND r."period" = "MetricAggregate"."period" AND r."status" = 'ACTIVE'
    AND substr(r."scopeRegionCode", 1, length("MetricAggregate"."regionCode")) = "MetricAggregate"."regionCode"
) WHERE "kind" IN ('WORK_GROUP', 'MECHANISM', 'SIGNBOARD');
