-- The outbox's HTML and text are written once per email and read once to send it. Postgres compressed them
-- (pglz) on every insert: 11 ms of each 64-email sweep batch on this machine, about a third of the write, for
-- bodies that compress poorly anyway. Stored out of line uncompressed, they cost disk, not CPU.
-- Prisma's schema cannot express column storage; the migrations drift check does not see it.
ALTER TABLE "EmailOutbox" ALTER COLUMN "html" SET STORAGE EXTERNAL, ALTER COLUMN "text" SET STORAGE EXTERNAL;
