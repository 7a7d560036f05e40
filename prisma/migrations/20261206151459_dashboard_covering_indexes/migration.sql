-- The dashboard on a 100,000-case firm read whole tables (a seq scan of every case to count them by stage, the
-- heap of every open deadline of the firm for an advisor's due items). These indexes let each list be read from
-- an index alone. The INCLUDE columns are what Prisma's schema cannot express; schema.prisma declares the same
-- indexes without them, and the drift check compares names, columns and predicates only.

-- CreateIndex
CREATE INDEX "Case_live_assignee_idx" ON "Case"("firmId", "assignedToId", "nextDeadlineOn") INCLUDE ("id", "stage") WHERE (("deletedAt" IS NULL) AND ("closedAt" IS NULL));

-- CreateIndex
CREATE INDEX "Case_live_stage_idx" ON "Case"("firmId", "stage", "assignedToId") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Deadline_open_case_idx" ON "Deadline"("caseId", "dueOn") INCLUDE ("id", "firmId", "kind", "actor") WHERE (status = 'OPEN'::"DeadlineStatus");
