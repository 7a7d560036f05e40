-- Issue 17, bookings: emails in German for people who are not yet clients, attachments on outbox rows (the .ics
-- invitation of a consultation), and the invitation's SEQUENCE on the booking (raised at each move).

-- CreateEnum
CREATE TYPE "EmailLocale" AS ENUM ('en', 'nl', 'fr', 'de');

-- AlterTable
ALTER TABLE "EmailOutbox" ALTER COLUMN "locale" TYPE "EmailLocale" USING ("locale"::text::"EmailLocale"),
ADD COLUMN "attachments" JSONB;

-- AlterTable
ALTER TABLE "ConsultationBooking" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
