-- GDPR erasure keeps a client's audit history but masks their identity in it. The log stays append-only for
-- everyone else: an UPDATE passes only inside a transaction that said `SET LOCAL sejour.audit_masking = 'on'`
-- (the erasure does, lib/server/client/erase-client.ts), and even then only the diff, the IP, the user agent
-- and the actor's user id may change, never what happened, to what, by which kind of actor, or when. DELETE and
-- TRUNCATE stay refused always. The triggers of the append-only migration keep calling this function.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('sejour.audit_masking', true), '') = 'on' THEN
    IF NEW."id" IS DISTINCT FROM OLD."id"
      OR NEW."firmId" IS DISTINCT FROM OLD."firmId"
      OR NEW."actorKind" IS DISTINCT FROM OLD."actorKind"
      OR NEW."action" IS DISTINCT FROM OLD."action"
      OR NEW."entity" IS DISTINCT FROM OLD."entity"
      OR NEW."entityId" IS DISTINCT FROM OLD."entityId"
      OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
      RAISE EXCEPTION 'AuditLog masking may change only diff, ip, userAgent and actorUserId'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
