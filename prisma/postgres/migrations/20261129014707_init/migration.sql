-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parentCode" TEXT,
    "unitKind" TEXT,
    "villageCount" INTEGER NOT NULL DEFAULT 0,
    "communityCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'GOVERNMENT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueItem" (
    "id" TEXT NOT NULL,
    "catalogue" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" TEXT,
    "details" JSONB,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdmissionRequest" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "catalogue" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "details" JSONB,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decisionReason" TEXT,
    "effectiveFrom" TIMESTAMP(3),
    "catalogueItemId" TEXT,
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdmissionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BurdenRecord" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "scopeRegionCode" TEXT NOT NULL,
    "scopeLevel" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "details" JSONB,
    "units" INTEGER NOT NULL DEFAULT 1,
    "occurredOn" TIMESTAMP(3) NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "BurdenRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BurdenRecordRevision" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT,
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BurdenRecordRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricAggregate" (
    "regionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "units" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "violationUnits" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "dedicatedPostUnits" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "directUnits" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "directViolationUnits" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "directPostUnits" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "directRecords" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MetricAggregate_pkey" PRIMARY KEY ("regionCode","period","kind")
);

-- CreateTable
CREATE TABLE "ScoreConfig" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "minutesPerUnit" JSONB NOT NULL,
    "baselinePeriod" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" TEXT NOT NULL,
    "ruleKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "burdenKind" TEXT,
    "clause" INTEGER,
    "appliesToLevel" INTEGER NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'WARNING',
    "enterThreshold" DOUBLE PRECISION,
    "exitThreshold" DOUBLE PRECISION,
    "pendingPeriods" INTEGER NOT NULL DEFAULT 0,
    "params" JSONB,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "ruleKey" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION,
    "summary" TEXT NOT NULL,
    "pendingCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firingAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertHumanState" (
    "alertId" TEXT NOT NULL,
    "ackedById" TEXT,
    "ackedAt" TIMESTAMP(3),
    "ackReason" TEXT,
    "ackExpiresAt" TIMESTAMP(3),
    "ackValue" DOUBLE PRECISION,
    "ackCeilingMargin" DOUBLE PRECISION,
    "assigneeId" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "rectificationNote" TEXT,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertHumanState_pkey" PRIMARY KEY ("alertId")
);

-- CreateTable
CREATE TABLE "AlertNote" (
    "id" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "seq" SERIAL NOT NULL,
    "alertId" TEXT,
    "regionCode" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "alertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("alertId","userId")
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "ruleKey" TEXT,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Silence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExposureCase" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "demanded" TEXT NOT NULL,
    "clause" INTEGER NOT NULL,
    "evidence" TEXT,
    "rectification" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "alertId" TEXT,
    "recordId" TEXT,
    "createdById" TEXT NOT NULL,
    "approvedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "rectifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExposureCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringPoint" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "accessCodeHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastReportAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectReport" (
    "id" TEXT NOT NULL,
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
    "handledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "regionCode" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "BurdenRecord_importBatchId_idx" ON "BurdenRecord"("importBatchId");

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

-- AddForeignKey
ALTER TABLE "CatalogueItem" ADD CONSTRAINT "CatalogueItem_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdmissionRequest" ADD CONSTRAINT "AdmissionRequest_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BurdenRecord" ADD CONSTRAINT "BurdenRecord_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BurdenRecordRevision" ADD CONSTRAINT "BurdenRecordRevision_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "BurdenRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertHumanState" ADD CONSTRAINT "AlertHumanState_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertNote" ADD CONSTRAINT "AlertNote_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertEvent" ADD CONSTRAINT "AlertEvent_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposureCase" ADD CONSTRAINT "ExposureCase_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectReport" ADD CONSTRAINT "DirectReport_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "MonitoringPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
