-- CreateIndex
CREATE INDEX "Deadline_status_dueOn_idx" ON "Deadline"("status", "dueOn");
