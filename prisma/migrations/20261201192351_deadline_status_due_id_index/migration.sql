-- DropIndex
DROP INDEX "Deadline_status_dueOn_idx";

-- CreateIndex
CREATE INDEX "Deadline_status_dueOn_id_idx" ON "Deadline"("status", "dueOn", "id");
