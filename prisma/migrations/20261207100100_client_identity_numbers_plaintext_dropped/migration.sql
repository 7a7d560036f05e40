-- The plaintext identity numbers go. `npm run db:deploy` (and `npm start`, `npm run dev`, the Docker migrate
-- service) seal and clear them first (lib/dev/data-steps.ts). Applied any other way (`prisma migrate deploy`)
-- with values still in clear, this refuses instead of dropping them: nothing is lost, and the message says
-- what to run.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Client" WHERE "nationalRegisterNumber" IS NOT NULL OR "passportNumber" IS NOT NULL) THEN
    RAISE EXCEPTION 'Client identity numbers are still in clear: apply migrations with npm run db:deploy, which seals them first';
  END IF;
END
$$;

-- DropIndex
DROP INDEX "Client_firmId_nationalRegisterNumber_idx";

-- AlterTable
ALTER TABLE "Client" DROP COLUMN "nationalRegisterNumber",
DROP COLUMN "passportNumber";
