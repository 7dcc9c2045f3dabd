-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BurdenRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "scopeRegionCode" TEXT NOT NULL,
    "scopeLevel" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "details" JSONB,
    "units" INTEGER NOT NULL DEFAULT 1,
    "occurredOn" DATETIME NOT NULL,
    "period" INTEGER NOT NULL,
    "evidence" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "isViolation" BOOLEAN NOT NULL DEFAULT false,
    "violations" JSONB,
    "dedicatedPost" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "dedupKey" TEXT,
    "importBatchId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "BurdenRecord_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_BurdenRecord" ("createdAt", "createdById", "dedupKey", "departmentId", "details", "evidence", "id", "importBatchId", "isViolation", "kind", "occurredOn", "period", "scopeLevel", "scopeRegionCode", "source", "status", "title", "units", "updatedAt", "version", "violations", "withdrawnAt") SELECT "createdAt", "createdById", "dedupKey", "departmentId", "details", "evidence", "id", "importBatchId", "isViolation", "kind", "occurredOn", "period", "scopeLevel", "scopeRegionCode", "source", "status", "title", "units", "updatedAt", "version", "violations", "withdrawnAt" FROM "BurdenRecord";
DROP TABLE "BurdenRecord";
ALTER TABLE "new_BurdenRecord" RENAME TO "BurdenRecord";
CREATE UNIQUE INDEX "BurdenRecord_dedupKey_key" ON "BurdenRecord"("dedupKey");
CREATE INDEX "BurdenRecord_scopeRegionCode_period_idx" ON "BurdenRecord"("scopeRegionCode", "period");
CREATE INDEX "BurdenRecord_period_kind_idx" ON "BurdenRecord"("period", "kind");
CREATE INDEX "BurdenRecord_departmentId_period_idx" ON "BurdenRecord"("departmentId", "period");
CREATE INDEX "BurdenRecord_importBatchId_idx" ON "BurdenRecord"("importBatchId");
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

    PRIMARY KEY ("regionCode", "period", "kind")
);
INSERT INTO "new_MetricAggregate" ("kind", "period", "records", "regionCode", "units", "violationUnits") SELECT "kind", "period", "records", "regionCode", "units", "violationUnits" FROM "MetricAggregate";
DROP TABLE "MetricAggregate";
ALTER TABLE "new_MetricAggregate" RENAME TO "MetricAggregate";
CREATE INDEX "MetricAggregate_period_kind_idx" ON "MetricAggregate"("period", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
