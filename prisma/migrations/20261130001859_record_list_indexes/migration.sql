-- CreateIndex
CREATE INDEX "BurdenRecord_list_date_idx" ON "BurdenRecord"("occurredOn", "id", "scopeRegionCode", "status", "kind", "isViolation", "departmentId");

-- CreateIndex
CREATE INDEX "BurdenRecord_list_region_idx" ON "BurdenRecord"("scopeRegionCode", "status", "kind", "isViolation", "departmentId", "occurredOn", "id");

-- CreateIndex
CREATE INDEX "BurdenRecord_new_demand_idx" ON "BurdenRecord"("kind", "period", "status", "scopeRegionCode");

-- CreateIndex
CREATE INDEX "BurdenRecord_month_violation_idx" ON "BurdenRecord"("period", "status", "isViolation", "scopeRegionCode", "kind");
