-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "plannedSubmissionOn" DATE;

-- AlterTable
ALTER TABLE "DocumentVersion" ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "fromClient" BOOLEAN NOT NULL DEFAULT false;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "DocumentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
