-- CreateIndex
CREATE INDEX "BurdenRecord_period_scopeRegionCode_idx" ON "BurdenRecord"("period", "scopeRegionCode");
