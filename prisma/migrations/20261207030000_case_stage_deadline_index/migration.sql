-- The cases table filtered by stage, in its default order (next deadline, then id): read in index order and
-- stop after the page, instead of sorting every case of that stage.
CREATE INDEX "Case_live_stage_deadline_idx" ON "Case"("firmId", "stage", "nextDeadlineOn", "id") WHERE ("deletedAt" IS NULL);
