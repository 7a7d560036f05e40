-- CreateIndex
CREATE INDEX "EmailOutbox_due_idx" ON "EmailOutbox"("nextAttemptAt") WHERE (status = ANY (ARRAY['PENDING'::"OutboxStatus", 'RETRYING'::"OutboxStatus", 'SENDING'::"OutboxStatus"]));
