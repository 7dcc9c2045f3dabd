-- CreateIndex
CREATE INDEX "BurdenRecord_list_date_idx" ON "BurdenRecord"("occurredOn", "id", "scopeRegionCode", "status", "kind", "isViolation", "departmentId");

-- CreateIndex
CREATE INDEX "BurdenRecord_list_region_idx" ON "BurdenRecord"("scopeRegionCode", "status", "kind", "isViolation", "departmentId", "occurredOn", "id");
