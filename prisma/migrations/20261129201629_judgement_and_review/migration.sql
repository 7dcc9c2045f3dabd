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
    "catalogueItem" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "reviews" JSONB,
    "judgement" JSONB,
    "reviewDecision" TEXT,
    CONSTRAINT "BurdenRecord_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_BurdenRecord" ("createdAt", "createdById", "dedicatedPost", "dedupKey", "departmentId", "details", "evidence", "id", "importBatchId", "isViolation", "kind", "occurredOn", "period", "scopeLevel", "scopeRegionCode", "source", "status", "title", "units", "updatedAt", "version", "violations", "withdrawnAt") SELECT "createdAt", "createdById", "dedicatedPost", "dedupKey", "departmentId", "details", "evidence", "id", "importBatchId", "isViolation", "kind", "occurredOn", "period", "scopeLevel", "scopeRegionCode", "source", "status", "title", "units", "updatedAt", "version", "violations", "withdrawnAt" FROM "BurdenRecord";
DROP TABLE "BurdenRecord";
ALTER TABLE "new_BurdenRecord" RENAME TO "BurdenRecord";
CREATE UNIQUE INDEX "BurdenRecord_dedupKey_key" ON "BurdenRecord"("dedupKey");
CREATE INDEX "BurdenRecord_scopeRegionCode_period_idx" ON "BurdenRecord"("scopeRegionCode", "period");
CREATE INDEX "BurdenRecord_period_scopeRegionCode_idx" ON "BurdenRecord"("period", "scopeRegionCode");
CREATE INDEX "BurdenRecord_period_kind_idx" ON "BurdenRecord"("period", "kind");
CREATE INDEX "BurdenRecord_departmentId_period_idx" ON "BurdenRecord"("departmentId", "period");
CREATE INDEX "BurdenRecord_importBatchId_idx" ON "BurdenRecord"("importBatchId");
CREATE INDEX "BurdenRecord_kind_catalogueItem_period_idx" ON "BurdenRecord"("kind", "catalogueItem", "period");
CREATE INDEX "BurdenRecord_needsReview_scopeRegionCode_idx" ON "BurdenRecord"("needsReview", "scopeRegionCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
