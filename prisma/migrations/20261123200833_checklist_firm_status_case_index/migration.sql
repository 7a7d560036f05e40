-- DropIndex
DROP INDEX "ChecklistItem_firmId_status_idx";

-- CreateIndex
CREATE INDEX "ChecklistItem_firmId_status_caseId_idx" ON "ChecklistItem"("firmId", "status", "caseId");
