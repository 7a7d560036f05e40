-- DropIndex
DROP INDEX "Case_firmId_nextDeadlineOn_idx";

-- CreateIndex
CREATE INDEX "Case_firmId_nextDeadlineOn_id_idx" ON "Case"("firmId", "nextDeadlineOn", "id");

-- CreateIndex
CREATE INDEX "Case_firmId_updatedAt_id_idx" ON "Case"("firmId", "updatedAt", "id");
