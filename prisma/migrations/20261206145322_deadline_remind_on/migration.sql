-- The reminder sweep used to walk every open deadline of the next 366 days each minute to find the few whose
-- lead day had come (5-6 s on a 100,000-case firm, with nothing to send). Now each deadline carries the day
-- the sweep must look at it again; the sweep reads only those whose day has come, through a partial index.

-- DropIndex
DROP INDEX "Deadline_status_dueOn_id_idx";

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "remindOn" DATE;

-- CreateIndex
CREATE INDEX "Deadline_remind_idx" ON "Deadline"("remindOn", "id") WHERE (status = 'OPEN'::"DeadlineStatus");

-- The task sweep's look at open tasks due today or tomorrow, across firms.
CREATE INDEX "Task_open_due_idx" ON "Task"("dueOn") WHERE ("doneAt" IS NULL);

-- A deadline that is made, moved, changes kind or is reopened is looked at from the earliest day any lead
-- could fall on (365 days before it, the longest lead a firm may set, or its opening); that look finds the
-- lead whose day has come, if any, and moves remindOn on to the next lead's exact day. Done in the database
-- so that every writer (recomputation, document expiry, import, seeds, hand-written SQL) keeps it.
CREATE FUNCTION "deadline_remind_on"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT'
     OR NEW."dueOn" IS DISTINCT FROM OLD."dueOn"
     OR NEW."opensOn" IS DISTINCT FROM OLD."opensOn"
     OR NEW."kind" IS DISTINCT FROM OLD."kind"
     OR (NEW."status" = 'OPEN' AND OLD."status" IS DISTINCT FROM 'OPEN') THEN
    NEW."remindOn" := LEAST(NEW."dueOn" - 365, NEW."opensOn");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Deadline_remind_on"
  BEFORE INSERT OR UPDATE OF "dueOn", "opensOn", "kind", "status" ON "Deadline"
  FOR EACH ROW EXECUTE FUNCTION "deadline_remind_on"();

-- Every open deadline is looked at once by the next sweep, which sets its exact next day.
UPDATE "Deadline" SET "remindOn" = LEAST("dueOn" - 365, "opensOn") WHERE "status" = 'OPEN';
