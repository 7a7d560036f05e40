-- /api/metrics reports the reminder sweep and the emails sent. The sweep runs in the worker, a process the web
-- server cannot ask, so each worker records its last finished sweep on its heartbeat row; and the emails sent
-- are counted as they are marked SENT, because counting the outbox's whole history at every scrape would read
-- the table.

-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN     "lastSweepAt" TIMESTAMP(3),
ADD COLUMN     "lastSweepMs" INTEGER;

-- CreateTable
CREATE TABLE "EmailSentCount" (
    "template" TEXT NOT NULL,
    "sent" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "EmailSentCount_pkey" PRIMARY KEY ("template")
);

-- What was sent before the counter existed, so the counts start from the real history.
INSERT INTO "EmailSentCount" ("template", "sent")
SELECT "template", count(*) FROM "EmailOutbox" WHERE "status" = 'SENT' GROUP BY "template";
