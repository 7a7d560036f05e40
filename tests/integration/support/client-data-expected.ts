import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Person } from './client-data-world';

// What "every row about the client" means, written once more in plain SQL, table by table, independently of
// lib/server/client/client-data-rows.ts: the rows that reference the client directly, through their cases, their
// documents or their portal user, and the firm's kept rows that mention them (by address, id or full name).
// Each query gives the row's key (as the export's index has it) and the whole row as text.

const db = getDb();
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type TableRows = { key: string; row: string }[];

export function aboutClient(firmId: string, clientId: string, who: Person): Record<string, Prisma.Sql> {
  const texts = [`${who.firstName} ${who.lastName}`, `${who.lastName} ${who.firstName}`, `${who.lastName}, ${who.firstName}`, who.email, who.phone, who.addressLine, who.nationalRegisterNumber, who.passportNumber].map(like);
  const cases = Prisma.sql`SELECT "id" FROM "Case" WHERE "firmId" = ${firmId} AND "clientId" = ${clientId}`;
  const documents = Prisma.sql`SELECT "id" FROM "Document" WHERE "firmId" = ${firmId} AND "clientId" = ${clientId}`;
  const portalUser = Prisma.sql`SELECT "portalUserId" FROM "Client" WHERE "id" = ${clientId} AND "firmId" = ${firmId}`;
  const portalEmail = Prisma.sql`SELECT "email" FROM "User" WHERE "id" IN (${portalUser})`;
  const ofCases = (table: string) => Prisma.sql`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "caseId" IN (${cases})`;
  const ofCasesOrDocuments = (table: string) => Prisma.sql`SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "caseId" IN (${cases}) OR "documentId" IN (${documents})`;
  const deadlines = ofCasesOrDocuments('Deadline');
  const tasks = ofCases('Task');
  const reminders = Prisma.sql`SELECT "id" FROM "Reminder" WHERE "deadlineId" IN (${deadlines}) OR "taskId" IN (${tasks}) OR "recipientKey" = ${`client:${clientId}`}`;
  const feeNotes = Prisma.sql`SELECT "id" FROM "FeeNote" WHERE "firmId" = ${firmId} AND ("clientId" = ${clientId} OR "caseId" IN (${cases}))`;
  const invitations = Prisma.sql`SELECT "id" FROM "Invitation" WHERE "firmId" = ${firmId} AND "clientId" = ${clientId}`;
  const inquiries = Prisma.sql`SELECT "id" FROM "Inquiry" WHERE "firmId" = ${firmId} AND "convertedClientId" = ${clientId}`;
  const bookings = Prisma.sql`SELECT "bookingId" FROM "Inquiry" WHERE "id" IN (${inquiries}) AND "bookingId" IS NOT NULL`;
  const emails = Prisma.sql`SELECT lower(${who.email}) UNION SELECT lower("email") FROM "Invitation" WHERE "id" IN (${invitations}) UNION ${portalEmail}
    UNION SELECT lower("email") FROM "Inquiry" WHERE "id" IN (${inquiries}) UNION SELECT lower("email") FROM "ConsultationBooking" WHERE "id" IN (${bookings})`;
  const outbox = Prisma.sql`
    SELECT "id" FROM "EmailOutbox" WHERE "firmId" = ${firmId} AND (lower("toEmail") IN (${emails})
      OR "id" IN (SELECT "outboxId" FROM "Reminder" WHERE "id" IN (${reminders}))
      OR "key" IN (SELECT 'client-message:' || "id" FROM "Note" WHERE "clientId" = ${clientId} OR "caseId" IN (${cases}))
      OR "subject" ILIKE ANY(${texts}::text[]) OR "text" ILIKE ANY(${texts}::text[]) OR "html" ILIKE ANY(${texts}::text[]))`;
  const owned = Prisma.sql`
    SELECT ${clientId} AS "id" UNION ${portalUser} UNION SELECT "id" FROM "Session" WHERE "userId" IN (${portalUser}) UNION ${invitations}
    UNION SELECT "id" FROM "FamilyLink" WHERE "clientId" = ${clientId} OR "relatedClientId" = ${clientId}
    UNION ${cases} UNION ${ofCases('CaseEvent')} UNION ${deadlines} UNION ${tasks} UNION ${documents}
    UNION SELECT "id" FROM "DocumentVersion" WHERE "documentId" IN (${documents}) UNION ${ofCasesOrDocuments('ChecklistItem')}
    UNION SELECT "id" FROM "Note" WHERE "clientId" = ${clientId} OR "caseId" IN (${cases}) UNION ${ofCasesOrDocuments('DecisionIntake')} UNION ${ofCases('AppealFiling')}
    UNION ${inquiries} UNION ${bookings} UNION ${ofCases('OtherParty')} UNION ${ofCases('LegalAidDesignation')} UNION ${ofCases('LegalAidEntry')}
    UNION ${feeNotes} UNION SELECT "id" FROM "FeeNoteLine" WHERE "feeNoteId" IN (${feeNotes}) UNION ${ofCases('TimeEntry')} UNION ${ofCases('FeeItem')}`;
  const mentionedIds = Prisma.sql`SELECT ${clientId} AS "id" UNION ${portalUser} UNION ${cases} UNION ${documents} UNION ${inquiries}`;
  const rows = (table: string, where: Prisma.Sql, key = Prisma.sql`t."id"::text`) =>
    Prisma.sql`SELECT ${key} AS "key", t::text AS "row" FROM ${Prisma.raw(`"${table}"`)} t WHERE ${where}`;
  const byId = (table: string, ids: Prisma.Sql) => rows(table, Prisma.sql`t."id" IN (${ids})`);
  return {
    Client: rows('Client', Prisma.sql`t."id" = ${clientId} AND t."firmId" = ${firmId}`),
    User: byId('User', portalUser),
    Account: rows('Account', Prisma.sql`t."userId" IN (${portalUser})`),
    Session: rows('Session', Prisma.sql`t."userId" IN (${portalUser})`),
    VerificationToken: rows('VerificationToken', Prisma.sql`t."identifier" IN (${portalEmail})`, Prisma.sql`t."identifier"`),
    Invitation: byId('Invitation', invitations),
    FamilyLink: rows('FamilyLink', Prisma.sql`t."clientId" = ${clientId} OR t."relatedClientId" = ${clientId}`),
    Case: byId('Case', cases),
    CaseEvent: byId('CaseEvent', ofCases('CaseEvent')),
    Deadline: byId('Deadline', deadlines),
    Task: byId('Task', tasks),
    Reminder: byId('Reminder', reminders),
    Document: byId('Document', documents),
    DocumentVersion: rows('DocumentVersion', Prisma.sql`t."documentId" IN (${documents})`),
    CaseDocument: rows('CaseDocument', Prisma.sql`t."caseId" IN (${cases}) OR t."documentId" IN (${documents})`, Prisma.sql`t."caseId" || ':' || t."documentId"`),
    ChecklistItem: byId('ChecklistItem', ofCasesOrDocuments('ChecklistItem')),
    Note: rows('Note', Prisma.sql`t."clientId" = ${clientId} OR t."caseId" IN (${cases})`),
    DecisionIntake: byId('DecisionIntake', ofCasesOrDocuments('DecisionIntake')),
    AppealFiling: byId('AppealFiling', ofCases('AppealFiling')),
    EmailOutbox: byId('EmailOutbox', outbox),
    EmailAttempt: rows('EmailAttempt', Prisma.sql`t."outboxId" IN (${outbox})`),
    AuditLog: rows(
      'AuditLog',
      Prisma.sql`t."firmId" = ${firmId} AND (t."entityId" IN (${owned}) OR t."actorUserId" IN (${portalUser}) OR t."diff"::text ILIKE ANY(${texts}::text[])
        OR EXISTS (SELECT 1 FROM (${mentionedIds}) m WHERE t."diff"::text LIKE '%' || m."id" || '%'))`,
    ),
    Inquiry: byId('Inquiry', inquiries),
    ConsultationBooking: byId('ConsultationBooking', bookings),
    OtherParty: byId('OtherParty', ofCases('OtherParty')),
    LegalAidDesignation: byId('LegalAidDesignation', ofCases('LegalAidDesignation')),
    LegalAidEntry: byId('LegalAidEntry', ofCases('LegalAidEntry')),
    FeeNote: byId('FeeNote', feeNotes),
    FeeNoteLine: rows('FeeNoteLine', Prisma.sql`t."feeNoteId" IN (${feeNotes})`),
    TimeEntry: byId('TimeEntry', ofCases('TimeEntry')),
    FeeItem: byId('FeeItem', ofCases('FeeItem')),
    ImportJob: rows(
      'ImportJob',
      Prisma.sql`t."firmId" = ${firmId} AND (t."report"::text ILIKE ANY(${texts}::text[]) OR t."mapping"::text ILIKE ANY(${texts}::text[])
        OR EXISTS (SELECT 1 FROM (${mentionedIds}) m WHERE t."report"::text LIKE '%' || m."id" || '%'))`,
    ),
  };
}

/** Every table's rows about the client, sorted by key. */
export async function rowsAbout(firmId: string, clientId: string, who: Person): Promise<Record<string, TableRows>> {
  const out: Record<string, TableRows> = {};
  for (const [table, sql] of Object.entries(aboutClient(firmId, clientId, who))) {
    const found = await db.$queryRaw<{ key: string; row: string }[]>(sql);
    out[table] = found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return out;
}
