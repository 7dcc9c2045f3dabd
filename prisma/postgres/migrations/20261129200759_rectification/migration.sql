-- CreateTable
CREATE TABLE "RectificationItem" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "clause" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'WARNING',
    "deadline" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "alertId" TEXT,
    "exposureCaseId" TEXT,
    "affectedRegions" JSONB,
    "measures" TEXT,
    "returnReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "extensionUntil" TIMESTAMP(3),
    "extensionReason" TEXT,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RectificationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationLink" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "openRecordId" TEXT,

    CONSTRAINT "RectificationLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationStep" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationEvidence" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "stepId" TEXT,
    "fileName" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationEvidence_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "RectificationLink" ADD CONSTRAINT "RectificationLink_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationStep" ADD CONSTRAINT "RectificationStep_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationEvidence" ADD CONSTRAINT "RectificationEvidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
