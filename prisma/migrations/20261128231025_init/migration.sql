-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parentCode" TEXT,
    "unitKind" TEXT,
    "villageCount" INTEGER NOT NULL DEFAULT 0,
    "communityCount" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'GOVERNMENT',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CatalogueItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "catalogue" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" TEXT,
    "details" JSONB,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CatalogueItem_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AdmissionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "catalogue" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "details" JSONB,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decisionReason" TEXT,
    "effectiveFrom" DATETIME,
    "catalogueItemId" TEXT,
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AdmissionRequest_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BurdenRecord" (
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

-- CreateTable
CREATE TABLE "BurdenRecordRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recordId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT,
    "changedById" TEXT,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BurdenRecordRevision_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "BurdenRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MetricAggregate" (
    "regionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "units" REAL NOT NULL DEFAULT 0,
    "violationUnits" REAL NOT NULL DEFAULT 0,
    "minutes" REAL NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("regionCode", "period", "kind")
);

-- CreateTable
CREATE TABLE "ScoreConfig" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "minutesPerUnit" JSONB NOT NULL,
    "baselinePeriod" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "username" TEXT,
    "displayUsername" TEXT,
    "role" TEXT NOT NULL DEFAULT 'monitor',
    "regionCode" TEXT NOT NULL DEFAULT '',
    "departmentId" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "user_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Rule" (
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
    "params" JSONB,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" DATETIME
);

-- CreateTable
CREATE TABLE "Alert" (
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
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlertHumanState" (
    "alertId" TEXT NOT NULL PRIMARY KEY,
    "ackedById" TEXT,
    "ackedAt" DATETIME,
    "ackReason" TEXT,
    "ackExpiresAt" DATETIME,
    "ackValue" REAL,
    "ackCeilingMargin" REAL,
    "assigneeId" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "rectificationNote" TEXT,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AlertHumanState_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "alertId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AlertNote_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "alertId" TEXT,
    "regionCode" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AlertEvent_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "alertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "receivedAt" DATETIME,
    "openedAt" DATETIME,

    PRIMARY KEY ("alertId", "userId"),
    CONSTRAINT "AlertDelivery_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "ruleKey" TEXT,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExposureCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "demanded" TEXT NOT NULL,
    "clause" INTEGER NOT NULL,
    "evidence" TEXT,
    "rectification" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "alertId" TEXT,
    "recordId" TEXT,
    "createdById" TEXT NOT NULL,
    "approvedById" TEXT,
    "publishedAt" DATETIME,
    "rectifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExposureCase_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitoringPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "accessCodeHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastReportAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DirectReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "receiptNo" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "reporterName" TEXT,
    "reporterPhone" TEXT,
    "kind" TEXT NOT NULL,
    "departmentName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "photoPath" TEXT,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "recordId" TEXT,
    "handlingNote" TEXT,
    "handledById" TEXT,
    "handledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DirectReport_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "MonitoringPoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SystemSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorRole" TEXT,
    "regionCode" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_level_idx" ON "Region"("level");

-- CreateIndex
CREATE UNIQUE INDEX "Department_regionCode_name_key" ON "Department"("regionCode", "name");

-- CreateIndex
CREATE INDEX "CatalogueItem_catalogue_regionCode_idx" ON "CatalogueItem"("catalogue", "regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueItem_itemKey_version_key" ON "CatalogueItem"("itemKey", "version");

-- CreateIndex
CREATE INDEX "AdmissionRequest_regionCode_status_idx" ON "AdmissionRequest"("regionCode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BurdenRecord_dedupKey_key" ON "BurdenRecord"("dedupKey");

-- CreateIndex
CREATE INDEX "BurdenRecord_scopeRegionCode_period_idx" ON "BurdenRecord"("scopeRegionCode", "period");

-- CreateIndex
CREATE INDEX "BurdenRecord_period_kind_idx" ON "BurdenRecord"("period", "kind");

-- CreateIndex
CREATE INDEX "BurdenRecord_departmentId_period_idx" ON "BurdenRecord"("departmentId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "BurdenRecordRevision_recordId_version_key" ON "BurdenRecordRevision"("recordId", "version");

-- CreateIndex
CREATE INDEX "ImportBatch_fileHash_idx" ON "ImportBatch"("fileHash");

-- CreateIndex
CREATE INDEX "MetricAggregate_period_kind_idx" ON "MetricAggregate"("period", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreConfig_regionCode_version_key" ON "ScoreConfig"("regionCode", "version");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "user_username_key" ON "user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE INDEX "Rule_regionCode_idx" ON "Rule"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_ruleKey_version_key" ON "Rule"("ruleKey", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupKey_key" ON "Alert"("dedupKey");

-- CreateIndex
CREATE INDEX "Alert_regionCode_state_idx" ON "Alert"("regionCode", "state");

-- CreateIndex
CREATE INDEX "AlertEvent_regionCode_seq_idx" ON "AlertEvent"("regionCode", "seq");

-- CreateIndex
CREATE INDEX "Silence_regionCode_expiresAt_idx" ON "Silence"("regionCode", "expiresAt");

-- CreateIndex
CREATE INDEX "ExposureCase_regionCode_state_idx" ON "ExposureCase"("regionCode", "state");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringPoint_regionCode_key" ON "MonitoringPoint"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringPoint_accessCodeHash_key" ON "MonitoringPoint"("accessCodeHash");

-- CreateIndex
CREATE UNIQUE INDEX "DirectReport_receiptNo_key" ON "DirectReport"("receiptNo");

-- CreateIndex
CREATE INDEX "DirectReport_regionCode_status_idx" ON "DirectReport"("regionCode", "status");

-- CreateIndex
CREATE INDEX "AuditLog_regionCode_createdAt_idx" ON "AuditLog"("regionCode", "createdAt");
