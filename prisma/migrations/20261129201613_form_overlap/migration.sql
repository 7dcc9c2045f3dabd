-- CreateTable
CREATE TABLE "FormDefinition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "formKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "departmentId" TEXT,
    "fields" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FieldDictionaryEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "fieldName" TEXT NOT NULL,
    "itemKey" TEXT,
    "version" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MergeProposalDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "clusterKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "proposal" JSONB NOT NULL,
    "admissionRequestId" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FormDefinition_regionCode_idx" ON "FormDefinition"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "FormDefinition_regionCode_formKey_version_key" ON "FormDefinition"("regionCode", "formKey", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FieldDictionaryEntry_regionCode_fieldName_version_key" ON "FieldDictionaryEntry"("regionCode", "fieldName", "version");

-- CreateIndex
CREATE UNIQUE INDEX "MergeProposalDecision_regionCode_clusterKey_key" ON "MergeProposalDecision"("regionCode", "clusterKey");
