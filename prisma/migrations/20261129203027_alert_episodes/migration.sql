-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dedupKey" TEXT NOT NULL,
    "ruleKey" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "value" REAL NOT NULL,
    "threshold" REAL,
    "summary" TEXT NOT NULL,
    "pendingCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firingAt" DATETIME,
    "resolvedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "lastPeriod" INTEGER,
    "recoveryCount" INTEGER NOT NULL DEFAULT 0,
    "recoveryBase" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Alert" ("dedupKey", "firingAt", "firstSeenAt", "id", "pendingCount", "period", "regionCode", "resolvedAt", "ruleId", "ruleKey", "severity", "state", "summary", "threshold", "updatedAt", "value") SELECT "dedupKey", "firingAt", "firstSeenAt", "id", "pendingCount", "period", "regionCode", "resolvedAt", "ruleId", "ruleKey", "severity", "state", "summary", "threshold", "updatedAt", "value" FROM "Alert";
DROP TABLE "Alert";
ALTER TABLE "new_Alert" RENAME TO "Alert";
CREATE UNIQUE INDEX "Alert_dedupKey_key" ON "Alert"("dedupKey");
CREATE INDEX "Alert_regionCode_state_idx" ON "Alert"("regionCode", "state");
CREATE INDEX "Alert_ruleKey_regionCode_idx" ON "Alert"("ruleKey", "regionCode");
CREATE TABLE "new_Rule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "burdenKind" TEXT,
    "clause" INTEGER,
    "appliesToLevel" INTEGER NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'WARNING',
    "enterThreshold" REAL,
    "exitThreshold" REAL,
    "pendingPeriods" INTEGER NOT NULL DEFAULT 0,
    "recoveryPeriods" INTEGER NOT NULL DEFAULT 1,
    "params" JSONB,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" DATETIME
);
INSERT INTO "new_Rule" ("appliesToLevel", "burdenKind", "clause", "createdAt", "createdById", "enabled", "enterThreshold", "exitThreshold", "id", "name", "params", "pendingPeriods", "regionCode", "ruleKey", "severity", "supersededAt", "type", "version") SELECT "appliesToLevel", "burdenKind", "clause", "createdAt", "createdById", "enabled", "enterThreshold", "exitThreshold", "id", "name", "params", "pendingPeriods", "regionCode", "ruleKey", "severity", "supersededAt", "type", "version" FROM "Rule";
DROP TABLE "Rule";
ALTER TABLE "new_Rule" RENAME TO "Rule";
CREATE INDEX "Rule_regionCode_idx" ON "Rule"("regionCode");
CREATE UNIQUE INDEX "Rule_ruleKey_version_key" ON "Rule"("ruleKey", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- DataMigration: alerts become episodes, older open month alerts of a rule and region resolve
UPDATE "Alert" SET "lastPeriod" = "period";
UPDATE "Alert" SET "state" = 'RESOLVED', "resolvedAt" = "updatedAt"
WHERE "state" <> 'RESOLVED'
  AND EXISTS (SELECT 1 FROM "Alert" AS "later" WHERE "later"."ruleKey" = "Alert"."ruleKey" AND "later"."regionCode" = "Alert"."regionCode" AND "later"."period" > "Alert"."period");
