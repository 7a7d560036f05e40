import type { Tx } from '@/lib/db';

// The kept rows of the firm that are about a client without pointing at them by a foreign key: emails (sent to
// them, or to staff about them), audit entries, import reports. Found by address, by id and by the strings that
// identify the person (personalStrings), the same way for the export and the erasure.

type Row = Record<string, unknown>;
const like = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export async function findMentions(
  tx: Tx,
  { firmId, emails, keys, needles, ownIds, userIds, mentionedIds, reminderOutboxIds }: {
    firmId: string;
    emails: string[];
    keys: string[];
    needles: string[];
    ownIds: string[];
    userIds: string[];
    mentionedIds: string[];
    reminderOutboxIds: string[];
  },
): Promise<{ EmailOutbox: Row[]; EmailAttempt: Row[]; AuditLog: Row[]; ImportJob: Row[] }> {
  const texts = needles.map(like);
  const idTexts = mentionedIds.map(like);
  // Slow on a firm with years of email (a scan of its bodies), and run only on an admin's request for one client.
  const outboxIds = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "EmailOutbox"
    WHERE "firmId" = ${firmId}
      AND (lower("toEmail") = ANY(${emails}::text[]) OR "id" = ANY(${reminderOutboxIds}::text[]) OR "key" = ANY(${keys}::text[])
        OR "subject" ILIKE ANY(${texts}::text[]) OR "text" ILIKE ANY(${texts}::text[]) OR "html" ILIKE ANY(${texts}::text[]))`;
  const outbox = await tx.emailOutbox.findMany({ where: { firmId, id: { in: outboxIds.map((row) => row.id) } }, orderBy: { createdAt: 'asc' } });
  const attempts = await tx.emailAttempt.findMany({ where: { outboxId: { in: outbox.map((row) => row.id) }, outbox: { firmId } }, orderBy: { at: 'asc' } });

  const auditIds = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT "id" FROM "AuditLog"
    WHERE "firmId" = ${firmId}
      AND ("entityId" = ANY(${ownIds}::text[]) OR "actorUserId" = ANY(${userIds}::text[])
        OR "diff"::text ILIKE ANY(${texts}::text[]) OR "diff"::text LIKE ANY(${idTexts}::text[]))`;
  const audit = await tx.auditLog.findMany({ where: { firmId, id: { in: auditIds.map((row) => row.id) } }, orderBy: { id: 'asc' } });

  const importIds = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ImportJob"
    WHERE "firmId" = ${firmId}
      AND ("report"::text ILIKE ANY(${texts}::text[]) OR "report"::text LIKE ANY(${idTexts}::text[]) OR "mapping"::text ILIKE ANY(${texts}::text[]))`;
  const imports = await tx.importJob.findMany({ where: { firmId, id: { in: importIds.map((row) => row.id) } }, orderBy: { createdAt: 'asc' } });

  return { EmailOutbox: outbox, EmailAttempt: attempts, AuditLog: audit, ImportJob: imports };
}
