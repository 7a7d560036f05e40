-- Issue 18, the practice's money: the firm's services, legal aid designations and their points, time entries and
-- fixed fees on paying cases, fee notes with their lines, and the gapless fee-note counter per firm and year.

-- CreateEnum
CREATE TYPE "FeeKind" AS ENUM ('FIXED', 'HOURLY');

-- CreateEnum
CREATE TYPE "FeeNoteStatus" AS ENUM ('ISSUED', 'PAID', 'CANCELLED');

-- AlterTable
ALTER TABLE "Firm" ADD COLUMN "billingDetails" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL DEFAULT '{}',
    "typicalDaysMin" INTEGER,
    "typicalDaysMax" INTEGER,
    "feeKind" "FeeKind" NOT NULL,
    "feeCents" INTEGER NOT NULL,
    "vatRateBasisPoints" INTEGER NOT NULL DEFAULT 2100,
    "procedures" "Procedure"[],
    "showOnPublicPage" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalAidDesignation" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "designatedOn" DATE NOT NULL,
    "designationNumber" TEXT NOT NULL,
    "bar" TEXT NOT NULL,
    "lawyerId" TEXT NOT NULL,
    "clientContributionCents" INTEGER NOT NULL DEFAULT 0,
    "closedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalAidDesignation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalAidEntry" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "designationId" TEXT NOT NULL,
    "performedOn" DATE NOT NULL,
    "pointListId" TEXT NOT NULL,
    "itemCode" TEXT NOT NULL,
    "pointsHundredths" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,
    "enteredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "LegalAidEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeEntry" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workedOn" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "serviceId" TEXT,
    "rateCents" INTEGER NOT NULL,
    "vatRateBasisPoints" INTEGER NOT NULL DEFAULT 2100,
    "feeNoteId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TimeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeItem" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "serviceId" TEXT,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unitCents" INTEGER NOT NULL,
    "vatRateBasisPoints" INTEGER NOT NULL DEFAULT 2100,
    "performedOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "feeNoteId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "FeeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeNote" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "language" "Locale" NOT NULL,
    "status" "FeeNoteStatus" NOT NULL DEFAULT 'ISSUED',
    "paidOn" DATE,
    "buyer" JSONB NOT NULL,
    "seller" JSONB NOT NULL,
    "totalExclCents" INTEGER NOT NULL,
    "vatCents" INTEGER NOT NULL,
    "totalInclCents" INTEGER NOT NULL,
    "pdfStorageKey" TEXT,
    "ublStorageKey" TEXT,
    "issuedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeeNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeNoteLine" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "feeNoteId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantityThousandths" INTEGER NOT NULL,
    "unitCents" INTEGER NOT NULL,
    "vatRateBasisPoints" INTEGER NOT NULL,
    "vatCategory" TEXT NOT NULL,
    "lineExclCents" INTEGER NOT NULL,
    "lineVatCents" INTEGER NOT NULL,

    CONSTRAINT "FeeNoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeNoteCounter" (
    "firmId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSequence" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FeeNoteCounter_pkey" PRIMARY KEY ("firmId","year")
);

-- CreateIndex
CREATE INDEX "Service_firmId_position_idx" ON "Service"("firmId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "LegalAidDesignation_caseId_key" ON "LegalAidDesignation"("caseId");

-- CreateIndex
CREATE INDEX "LegalAidDesignation_firmId_lawyerId_designatedOn_idx" ON "LegalAidDesignation"("firmId", "lawyerId", "designatedOn");

-- CreateIndex
CREATE INDEX "LegalAidEntry_firmId_caseId_performedOn_idx" ON "LegalAidEntry"("firmId", "caseId", "performedOn");

-- CreateIndex
CREATE INDEX "TimeEntry_firmId_caseId_workedOn_idx" ON "TimeEntry"("firmId", "caseId", "workedOn");

-- CreateIndex
CREATE INDEX "FeeItem_firmId_caseId_idx" ON "FeeItem"("firmId", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "FeeNote_firmId_year_sequence_key" ON "FeeNote"("firmId", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "FeeNote_firmId_number_key" ON "FeeNote"("firmId", "number");

-- CreateIndex
CREATE INDEX "FeeNote_firmId_issuedOn_idx" ON "FeeNote"("firmId", "issuedOn");

-- CreateIndex
CREATE INDEX "FeeNote_caseId_idx" ON "FeeNote"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "FeeNoteLine_feeNoteId_position_key" ON "FeeNoteLine"("feeNoteId", "position");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidDesignation" ADD CONSTRAINT "LegalAidDesignation_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidDesignation" ADD CONSTRAINT "LegalAidDesignation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidEntry" ADD CONSTRAINT "LegalAidEntry_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidEntry" ADD CONSTRAINT "LegalAidEntry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalAidEntry" ADD CONSTRAINT "LegalAidEntry_designationId_fkey" FOREIGN KEY ("designationId") REFERENCES "LegalAidDesignation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_feeNoteId_fkey" FOREIGN KEY ("feeNoteId") REFERENCES "FeeNote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeItem" ADD CONSTRAINT "FeeItem_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeItem" ADD CONSTRAINT "FeeItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeItem" ADD CONSTRAINT "FeeItem_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeItem" ADD CONSTRAINT "FeeItem_feeNoteId_fkey" FOREIGN KEY ("feeNoteId") REFERENCES "FeeNote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeNote" ADD CONSTRAINT "FeeNote_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeNote" ADD CONSTRAINT "FeeNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeNoteLine" ADD CONSTRAINT "FeeNoteLine_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeNoteLine" ADD CONSTRAINT "FeeNoteLine_feeNoteId_fkey" FOREIGN KEY ("feeNoteId") REFERENCES "FeeNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeNoteCounter" ADD CONSTRAINT "FeeNoteCounter_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
