-- Issue 17: the firm's public page (switch and description), inquiries sent through it, the reminder mark on
-- bookings, and the other parties of a case that the conflict check searches.

-- CreateEnum
CREATE TYPE "InquiryStatus" AS ENUM ('NEW', 'CONTACTED', 'BOOKED', 'CONVERTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "InquiryTopic" AS ENUM ('REGISTRATION', 'RENEWAL', 'REFUSAL', 'FAMILY_REUNIFICATION', 'WORK', 'STUDY', 'NATIONALITY', 'OTHER');

-- CreateEnum
CREATE TYPE "ConflictOutcome" AS ENUM ('CLEAR', 'POSSIBLE');

-- CreateEnum
CREATE TYPE "OtherPartyRole" AS ENUM ('SPONSOR', 'FORMER_PARTNER', 'EMPLOYER', 'FAMILY_MEMBER', 'OTHER');

-- AlterTable
ALTER TABLE "Firm" ADD COLUMN "publicPageEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "publicDescription" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ConsultationBooking" ADD COLUMN "reminderSentAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "status" "InquiryStatus" NOT NULL DEFAULT 'NEW',
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "language" TEXT NOT NULL,
    "nationality" CHAR(2),
    "birthDate" DATE,
    "nationalRegisterNumberEnc" TEXT,
    "nationalRegisterNumberHash" TEXT,
    "residenceCountry" CHAR(2),
    "residenceCommune" TEXT,
    "topic" "InquiryTopic" NOT NULL,
    "question" TEXT NOT NULL,
    "refusalNotifiedOn" DATE,
    "appealDueOn" DATE,
    "letterStorageKey" TEXT,
    "letterFileName" TEXT,
    "letterMimeType" TEXT,
    "letterSizeBytes" INTEGER,
    "letterSha256" TEXT,
    "bookingId" TEXT,
    "conflictOutcome" "ConflictOutcome",
    "conflictMatches" JSONB,
    "conflictCheckedAt" TIMESTAMP(3),
    "conflictCheckedById" TEXT,
    "convertedClientId" TEXT,
    "convertedCaseId" TEXT,
    "convertedAt" TIMESTAMP(3),
    "convertedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtherParty" (
    "id" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "OtherPartyRole" NOT NULL,
    "birthDate" DATE,
    "nationalRegisterNumberEnc" TEXT,
    "nationalRegisterNumberHash" TEXT,
    "note" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "OtherParty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_bookingId_key" ON "Inquiry"("bookingId");

-- CreateIndex
CREATE INDEX "Inquiry_firmId_status_appealDueOn_createdAt_idx" ON "Inquiry"("firmId", "status", "appealDueOn", "createdAt");

-- CreateIndex
CREATE INDEX "Inquiry_firmId_createdAt_idx" ON "Inquiry"("firmId", "createdAt");

-- CreateIndex
CREATE INDEX "Inquiry_firmId_convertedClientId_idx" ON "Inquiry"("firmId", "convertedClientId");

-- CreateIndex
CREATE INDEX "OtherParty_firmId_caseId_idx" ON "OtherParty"("firmId", "caseId");

-- CreateIndex
CREATE INDEX "OtherParty_firmId_birthDate_idx" ON "OtherParty"("firmId", "birthDate");

-- CreateIndex
CREATE INDEX "OtherParty_firmId_nationalRegisterNumberHash_idx" ON "OtherParty"("firmId", "nationalRegisterNumberHash");

-- CreateIndex
CREATE INDEX "OtherParty_searchText_idx" ON "OtherParty" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "ConsultationBooking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_convertedCaseId_fkey" FOREIGN KEY ("convertedCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OtherParty" ADD CONSTRAINT "OtherParty_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OtherParty" ADD CONSTRAINT "OtherParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
