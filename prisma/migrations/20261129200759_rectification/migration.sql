-- CreateTable
CREATE TABLE "RectificationItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "clause" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'WARNING',
    "deadline" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "alertId" TEXT,
    "exposureCaseId" TEXT,
    "affectedRegions" JSONB,
    "measures" TEXT,
    "returnReason" TEXT,
    "submittedAt" DATETIME,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "extensionUntil" DATETIME,
    "extensionReason" TEXT,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RectificationLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "openRecordId" TEXT,
    CONSTRAINT "RectificationLink_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RectificationStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RectificationStep_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RectificationEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "stepId" TEXT,
    "fileName" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RectificationEvidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RectificationItem_regionCode_state_idx" ON "RectificationItem"("regionCode", "state");

-- CreateIndex
CREATE INDEX "RectificationItem_departmentId_state_idx" ON "RectificationItem"("departmentId", "state");

-- CreateIndex
CREATE INDEX "RectificationItem_exposureCaseId_idx" ON "RectificationItem"("exposureCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationLink_openRecordId_key" ON "RectificationLink"("openRecordId");

-- CreateIndex
CREATE INDEX "RectificationLink_recordId_idx" ON "RectificationLink"("recordId");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationLink_itemId_recordId_key" ON "RectificationLink"("itemId", "recordId");

-- CreateIndex
CREATE INDEX "RectificationStep_itemId_createdAt_idx" ON "RectificationStep"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "RectificationEvidence_itemId_idx" ON "RectificationEvidence"("itemId");
