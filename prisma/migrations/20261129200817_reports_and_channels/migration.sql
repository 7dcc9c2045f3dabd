-- CreateTable
CREATE TABLE "MonthlyReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ContactPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "secretCipher" TEXT,
    "ownerUserId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotificationPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "contactPointId" TEXT NOT NULL,
    "severities" TEXT NOT NULL,
    "ruleTypes" TEXT NOT NULL DEFAULT '',
    "groupWaitSec" INTEGER NOT NULL DEFAULT 30,
    "groupIntervalSec" INTEGER NOT NULL DEFAULT 300,
    "repeatIntervalSec" INTEGER NOT NULL DEFAULT 14400,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NotificationOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventSeq" INTEGER NOT NULL,
    "alertId" TEXT,
    "regionCode" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);

-- CreateTable
CREATE TABLE "NotificationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactPointId" TEXT NOT NULL,
    "policyId" TEXT,
    "status" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "sendAfter" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NotificationAlertState" (
    "contactPointId" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "lastSentAt" DATETIME NOT NULL,

    PRIMARY KEY ("contactPointId", "alertId")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "quietStart" INTEGER,
    "quietEnd" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "MonthlyReport_regionCode_period_idx" ON "MonthlyReport"("regionCode", "period");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReport_regionCode_period_version_key" ON "MonthlyReport"("regionCode", "period", "version");

-- CreateIndex
CREATE INDEX "ContactPoint_regionCode_idx" ON "ContactPoint"("regionCode");

-- CreateIndex
CREATE INDEX "ContactPoint_ownerUserId_idx" ON "ContactPoint"("ownerUserId");

-- CreateIndex
CREATE INDEX "NotificationPolicy_regionCode_idx" ON "NotificationPolicy"("regionCode");

-- CreateIndex
CREATE INDEX "NotificationPolicy_contactPointId_idx" ON "NotificationPolicy"("contactPointId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationOutbox_eventSeq_key" ON "NotificationOutbox"("eventSeq");

-- CreateIndex
CREATE INDEX "NotificationOutbox_processedAt_idx" ON "NotificationOutbox"("processedAt");

-- CreateIndex
CREATE INDEX "NotificationMessage_status_nextAttemptAt_idx" ON "NotificationMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationMessage_contactPointId_status_idx" ON "NotificationMessage"("contactPointId", "status");
