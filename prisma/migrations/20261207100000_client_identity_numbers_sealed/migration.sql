-- Identity numbers sealed at rest (issue 16). This migration only adds the new columns: the plaintext ones stay
-- until the deploy's data step (lib/dev/data-steps.ts) has sealed and cleared every value with the app's keys,
-- which SQL cannot do; the next migration then drops them, and refuses to while any value is left in clear.

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "nationalRegisterNumberEnc" TEXT,
ADD COLUMN     "nationalRegisterNumberHash" TEXT,
ADD COLUMN     "passportNumberEnc" TEXT,
ADD COLUMN     "passportNumberHash" TEXT;

-- CreateIndex
CREATE INDEX "Client_firmId_nationalRegisterNumberHash_idx" ON "Client"("firmId", "nationalRegisterNumberHash");

-- CreateIndex
CREATE INDEX "Client_firmId_passportNumberHash_idx" ON "Client"("firmId", "passportNumberHash");
