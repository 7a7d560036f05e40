-- CreateIndex
CREATE INDEX "AuditLog_firmId_id_idx" ON "AuditLog"("firmId", "id");
