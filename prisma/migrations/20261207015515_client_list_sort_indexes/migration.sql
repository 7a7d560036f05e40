-- The clients list on a firm with 80,000 clients: its count(*) read every row of the firm (a seq scan, ~45 ms),
-- and sorting by nationality or commune sorted them all. These partial indexes hold the firm's live clients in
-- each of the list's orders (the id last, as the list pages on it), so an order is one index walk and the count
-- an index-only scan. By file number the list walks the unique key; Client_firmId_lastName_firstName_idx stays
-- for the cases table, which also shows cases of deleted clients.

-- CreateIndex
CREATE INDEX "Client_live_name_idx" ON "Client"("firmId", "lastName", "firstName", "id") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Client_live_nationality_idx" ON "Client"("firmId", "nationality", "lastName", "firstName", "id") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Client_live_commune_idx" ON "Client"("firmId", "commune", "lastName", "firstName", "id") WHERE ("deletedAt" IS NULL);
