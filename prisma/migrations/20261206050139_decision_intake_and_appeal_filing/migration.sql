-- CreateEnum
CREATE TYPE "DecisionIntakeStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'DISCARDED');

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'APPEAL_PETITION';

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" TEXT;

-- AlterTable
ALTER TABLE "Firm" ADD COLUMN     "requireDeadlineConfirmation" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DecisionIntake" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "status" "DecisionIntakeStatus" NOT NULL DEFAULT 'PROPOSED',
    "readMethod" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "proposal" JSONB NOT NULL,
    "confirmed" JSONB,
    "createdById" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DecisionIntake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppealFiling" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "language" "Locale" NOT NULL,
    "petitionDocumentId" TEXT,
    "decisionDocumentId" TEXT,
    "annexDocumentIds" TEXT[],
    "manifest" JSONB,
    "packetStorageKey" TEXT,
    "builtAt" TIMESTAMP(3),
    "builtById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "jboxReceipt" TEXT,
    "submittedById" TEXT,
    "rollNumber" TEXT,
    "rollRecordedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppealFiling_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DecisionIntake_firmId_caseId_createdAt_idx" ON "DecisionIntake"("firmId", "caseId", "createdAt");

-- CreateIndex
CREATE INDEX "AppealFiling_firmId_caseId_createdAt_idx" ON "AppealFiling"("firmId", "caseId", "createdAt");

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionIntake" ADD CONSTRAINT "DecisionIntake_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionIntake" ADD CONSTRAINT "DecisionIntake_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppealFiling" ADD CONSTRAINT "AppealFiling_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppealFiling" ADD CONSTRAINT "AppealFiling_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
