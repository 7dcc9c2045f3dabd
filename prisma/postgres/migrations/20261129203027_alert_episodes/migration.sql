-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "lastPeriod" INTEGER,
ADD COLUMN     "recoveryBase" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recoveryCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Rule" ADD COLUMN     "recoveryPeriods" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Alert_ruleKey_regionCode_idx" ON "Alert"("ruleKey", "regionCode");

-- DataMigration: alerts become episodes, older open month alerts of a rule and region resolve
UPDATE "Alert" SET "lastPeriod" = "period";
UPDATE "Alert" SET "state" = 'RESOLVED', "resolvedAt" = "updatedAt"
WHERE "state" <> 'RESOLVED'
  AND EXISTS (SELECT 1 FROM "Alert" AS "later" WHERE "later"."ruleKey" = "Alert"."ruleKey" AND "later"."regionCode" = "Alert"."regionCode" AND "later"."period" > "Alert"."period");
