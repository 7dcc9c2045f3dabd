-- AlterTable
ALTER TABLE "BurdenRecord" ADD COLUMN     "catalogueItem" TEXT,
ADD COLUMN     "judgement" JSONB,
ADD COLUMN     "needsReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewDecision" TEXT,
ADD COLUMN     "reviews" JSONB;

-- CreateIndex
CREATE INDEX "BurdenRecord_kind_catalogueItem_period_idx" ON "BurdenRecord"("kind", "catalogueItem", "period");

-- CreateIndex
CREATE INDEX "BurdenRecord_needsReview_scopeRegionCode_idx" ON "BurdenRecord"("needsReview", "scopeRegionCode");
