-- Abandoned imports and the people in their rows are purged a day after their last change; a committed job
-- keeps its counts and records when the rest was removed.

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "purgedAt" TIMESTAMP(3);
