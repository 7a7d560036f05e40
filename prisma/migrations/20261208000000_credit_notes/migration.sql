-- Credit notes: a fee note issued in error is cancelled by a credit note of the same series that names it.

-- CreateEnum
CREATE TYPE "FeeNoteKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- AlterTable
ALTER TABLE "FeeNote" ADD COLUMN     "kind" "FeeNoteKind" NOT NULL DEFAULT 'INVOICE',
ADD COLUMN     "creditsId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "FeeNote_creditsId_key" ON "FeeNote"("creditsId");

-- AddForeignKey
ALTER TABLE "FeeNote" ADD CONSTRAINT "FeeNote_creditsId_fkey" FOREIGN KEY ("creditsId") REFERENCES "FeeNote"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AlterTable: a line's unit, kept so that a credit note repeats it. Lines issued before this column existed are
-- time (HUR) where an entry of their note has their description and rate.
ALTER TABLE "FeeNoteLine" ADD COLUMN     "unitCode" TEXT NOT NULL DEFAULT 'C62';
UPDATE "FeeNoteLine" l SET "unitCode" = 'HUR' FROM "TimeEntry" t WHERE t."feeNoteId" = l."feeNoteId" AND t."description" = l."description" AND t."rateCents" = l."unitCents";
