import type { Tx } from '@/lib/db';
import type { Client } from '@/lib/generated/prisma/client';
import { findMentions } from './client-mentions';
import { openIdentityNumbers, type OpenedIdentityNumbers } from './identity-numbers';
import { openNationalRegisterNumber } from './sealed-national-number';
import { personalStrings } from './personal-masking';
import { feeNoteFileBase } from '@/lib/server/billing/fee-note-file-name';

// Everything the database holds on one client, table by table: the rows that point at them (directly, through
// their cases or documents, or through their portal user), and the kept rows elsewhere that mention them (the
// audit log, emails, import reports). The export writes these; the erasure deletes or masks the same rows. Every
// table of the schema is either listed here or in OTHER_TABLES with the reason; a test holds both to the schema.

export const CLIENT_DATA_TABLES = [
  'Client', 'User', 'Account', 'Session', 'VerificationToken', 'Invitation', 'FamilyLink', 'Case', 'CaseEvent', 'Deadline', 'Task', 'Reminder',
  'Document', 'DocumentVersion', 'CaseDocument', 'ChecklistItem', 'Note', 'DecisionIntake', 'AppealFiling', 'EmailOutbox', 'EmailAttempt', 'AuditLog', 'ImportJob',
  // What the person sent before they were a client (the inquiry they were converted from, its booking), and the
  // other parties of their cases (kept with the case they are recorded on; their numbers are not handed out).
  'Inquiry', 'ConsultationBooking', 'OtherParty',
  // Legal aid (pro deo) of their cases: the office's designation and the services entered, part of the case file,
  // handed out and erased with the case (both cascade from it).
  'LegalAidDesignation', 'LegalAidEntry',
  // What the firm billed them and the work it billed: the notes (with the buyer as printed) and their lines, the
  // time and fixed fees of their cases. Notes are accounting records kept 7 years after their year (art. III.86
  // CDE/WER): eraseClient refuses until then; afterwards all four go with the cases (cascade) and the files too.
  'FeeNote', 'FeeNoteLine', 'TimeEntry', 'FeeItem',
] as const;
export type ClientDataTable = (typeof CLIENT_DATA_TABLES)[number];

export const OTHER_TABLES = {
  Firm: 'the firm itself, not a person',
  Membership: "the firm's staff; a client's portal user never has one",
  RateLimit: 'counters under a hash of the email, deleted on erasure; nothing readable to hand out',
  WorkerHeartbeat: 'the worker processes',
  BackupRun: "the installation's backups",
  EmailSentCount: 'a count of emails sent per template, with no recipient',
  Passkey: "staff credentials; a client's portal user signs in by emailed link and never has one",
  RecoveryCode: "hashes of a staff member's one-use codes; portal users have none",
  Service: "the firm's own catalogue of services; no person in it",
  FeeNoteCounter: 'the last fee-note number per firm and year; no person in it',
  WebAuthnChallenge: 'random challenges that live a few minutes, for staff passkeys only',
  ConsultationSlot: "an advisor's offered time, price and place; no person in it",
} as const;

/** Credentials and their hashes: left out of the export (named in its index), deleted with their rows on erasure. */
export const OMITTED_FIELDS = {
  User: ['passwordHash', 'totpSecret'],
  Account: ['refresh_token', 'access_token', 'id_token', 'session_state'],
  Session: ['sessionToken'],
  VerificationToken: ['token'],
  Invitation: ['tokenHash'],
  ConsultationBooking: ['tokenHash'],
  // Someone else's number (the other side of the case): neither in clear nor sealed in the client's export.
  OtherParty: ['nationalRegisterNumberEnc', 'nationalRegisterNumberHash'],
  Inquiry: ['conflictMatches', 'conflictCheckedById'],
  // The booking invitation (.ics) carries the live cancel/move link.
  EmailOutbox: ['attachments'],
} as const;

export type ClientFile = { source: 'DocumentVersion' | 'AppealFiling' | 'Inquiry' | 'FeeNote'; id: string; storageKey: string; fileName: string; date: Date; sizeBytes: number | null; sha256: string | null };
type Row = Record<string, unknown>;

export type ClientData = {
  client: Client;
  /** The identity numbers in clear, for the export and for finding mentions of them. */
  identity: OpenedIdentityNumbers;
  portalUser: { id: string; email: string } | null;
  /** Every address the client was written to or signed in with. */
  emails: string[];
  /** The strings that identify the client in text (personalStrings). */
  needles: string[];
  /** Ids an audit entry about the client names as its entity: the client, their rows, their portal user, sessions. */
  ownIds: string[];
  tables: Record<ClientDataTable, Row[]>;
  files: ClientFile[];
};

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const lower = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)).map((v) => v.trim().toLowerCase()))];

/**
 * The client's data, or null when the firm has no such live client. Queries run one after another: inside a
 * transaction Prisma's client runs one query at a time anyway, and every one of them names the firm.
 *
 * A name is not unique: when the firm has another client of the same name, an email or entry that mentions the
 * name and nothing else may be about that namesake. The export then leaves such rows out (handing someone
 * another person's data is the worse mistake); the erasure still masks the name in them (a namesake's email
 * losing a name is the lesser harm than an erased person's name staying).
 */
export async function collectClientData(tx: Tx, firmId: string, clientId: string, purpose: 'export' | 'erase'): Promise<ClientData | null> {
  const client = await tx.client.findFirst({ where: { id: clientId, firmId, deletedAt: null } });
  if (!client) return null;
  const portalUser = client.portalUserId
    ? await tx.user.findFirst({ where: { id: client.portalUserId, portalClient: { id: clientId, firmId } }, omit: { passwordHash: true, totpSecret: true } })
    : null;
  const userIds = portalUser ? [portalUser.id] : [];
  const accounts = await tx.account.findMany({ where: { userId: { in: userIds } }, omit: { refresh_token: true, access_token: true, id_token: true, session_state: true }, orderBy: { id: 'asc' } });
  const sessions = await tx.session.findMany({ where: { userId: { in: userIds }, firmId }, omit: { sessionToken: true }, orderBy: { id: 'asc' } });
  // Tokens are keyed by address only: just the portal user's, whose address is theirs alone (User.email is unique).
  const tokens = portalUser ? await tx.verificationToken.findMany({ where: { identifier: portalUser.email }, omit: { token: true }, orderBy: { expires: 'asc' } }) : [];
  const invitations = await tx.invitation.findMany({ where: { firmId, clientId }, omit: { tokenHash: true }, orderBy: { id: 'asc' } });
  const familyLinks = await tx.familyLink.findMany({ where: { firmId, OR: [{ clientId }, { relatedClientId: clientId }] }, orderBy: { id: 'asc' } });

  const cases = await tx.case.findMany({ where: { firmId, clientId }, orderBy: { createdAt: 'asc' } });
  const caseIds = ids(cases);
  const documents = await tx.document.findMany({ where: { firmId, clientId }, orderBy: { createdAt: 'asc' } });
  const documentIds = ids(documents);
  const ofCases = { firmId, caseId: { in: caseIds } };
  const ofCasesOrDocuments = { firmId, OR: [{ caseId: { in: caseIds } }, { documentId: { in: documentIds } }] };
  const events = await tx.caseEvent.findMany({ where: ofCases, orderBy: { occurredAt: 'asc' } });
  const deadlines = await tx.deadline.findMany({ where: ofCasesOrDocuments, orderBy: { dueOn: 'asc' } });
  const tasks = await tx.task.findMany({ where: ofCases, orderBy: { dueOn: 'asc' } });
  const reminders = await tx.reminder.findMany({
    where: { firmId, OR: [{ deadlineId: { in: ids(deadlines) } }, { taskId: { in: ids(tasks) } }, { recipientKey: `client:${clientId}` }] },
    orderBy: { dueAt: 'asc' },
  });
  const versions = await tx.documentVersion.findMany({ where: { firmId, documentId: { in: documentIds } }, orderBy: [{ documentId: 'asc' }, { version: 'asc' }] });
  const caseDocuments = await tx.caseDocument.findMany({ where: ofCasesOrDocuments, orderBy: [{ caseId: 'asc' }, { documentId: 'asc' }] });
  const checklist = await tx.checklistItem.findMany({ where: ofCasesOrDocuments, orderBy: [{ caseId: 'asc' }, { position: 'asc' }] });
  const notes = await tx.note.findMany({ where: { firmId, OR: [{ clientId }, { caseId: { in: caseIds } }] }, orderBy: { createdAt: 'asc' } });
  const intakes = await tx.decisionIntake.findMany({ where: ofCasesOrDocuments, orderBy: { createdAt: 'asc' } });
  const filings = await tx.appealFiling.findMany({ where: ofCases, orderBy: { createdAt: 'asc' } });
  const inquiries = await tx.inquiry.findMany({ where: { firmId, convertedClientId: clientId }, orderBy: { createdAt: 'asc' } });
  const bookings = await tx.consultationBooking.findMany({ where: { firmId, inquiry: { firmId, convertedClientId: clientId } }, omit: { tokenHash: true }, orderBy: { createdAt: 'asc' } });
  // The client's fee notes, their lines and the time and fees of their cases; the notes' files in the export, and
  // deleted from storage once erasure is allowed (eraseClient).
  const feeNotes = await tx.feeNote.findMany({ where: { firmId, OR: [{ clientId }, { caseId: { in: caseIds } }] }, orderBy: [{ year: 'asc' }, { sequence: 'asc' }] });
  const feeNoteLines = await tx.feeNoteLine.findMany({ where: { firmId, feeNoteId: { in: ids(feeNotes) } }, orderBy: [{ feeNoteId: 'asc' }, { position: 'asc' }] });
  const timeEntries = await tx.timeEntry.findMany({ where: ofCases, orderBy: [{ workedOn: 'asc' }, { id: 'asc' }] });
  const feeItems = await tx.feeItem.findMany({ where: ofCases, orderBy: [{ performedOn: 'asc' }, { id: 'asc' }] });
  const otherParties = await tx.otherParty.findMany({ where: ofCases, omit: { nationalRegisterNumberEnc: true, nationalRegisterNumberHash: true }, orderBy: { createdAt: 'asc' } });
  const designations = await tx.legalAidDesignation.findMany({ where: ofCases, orderBy: { createdAt: 'asc' } });
  const legalAidEntries = await tx.legalAidEntry.findMany({ where: ofCases, orderBy: [{ performedOn: 'asc' }, { id: 'asc' }] });
  // The person's inquiry as they would read it: the number they gave in clear, not its ciphertext or hash. One
  // that does not open counts as unreadable, as the client's own numbers do (the export is then refused).
  // The recorded conflict check names other people (namesakes, relatives, the other side of a case): not theirs to
  // receive, so neither the matches nor who ran the check leave with the export.
  const inquiryRows = inquiries.map(({ nationalRegisterNumberEnc, nationalRegisterNumberHash: _hash, conflictMatches: _matches, conflictCheckedById: _checker, ...row }) => {
    const number = openNationalRegisterNumber({ table: 'Inquiry', id: row.id, sealed: nationalRegisterNumberEnc });
    return { row: { ...row, nationalRegisterNumber: number.value }, unreadable: number.unreadable };
  });

  const emails = lower([client.email, portalUser?.email, ...invitations.map((invitation) => invitation.email), ...inquiries.map((inquiry) => inquiry.email), ...bookings.map((booking) => booking.email)]);
  const opened = openIdentityNumbers(client);
  const identity: OpenedIdentityNumbers = inquiryRows.some((inquiry) => inquiry.unreadable) && !opened.unreadable.includes('nationalRegisterNumber')
    ? { ...opened, unreadable: [...opened.unreadable, 'nationalRegisterNumber'] }
    : opened;
  const { nationalRegisterNumberEnc: _nrn, nationalRegisterNumberHash: _nrnHash, passportNumberEnc: _passport, passportNumberHash: _passportHash, ...plainColumns } = client;
  // The row as the person would read it: numbers in clear in place of their ciphertexts and lookup hashes.
  const clientRow = { ...plainColumns, nationalRegisterNumber: identity.nationalRegisterNumber, passportNumber: identity.passportNumber };
  const needles = personalStrings(clientRow, emails);
  const namesake = await tx.client.count({
    where: { firmId, id: { not: clientId }, firstName: { equals: client.firstName, mode: 'insensitive' }, lastName: { equals: client.lastName, mode: 'insensitive' } },
  });
  const nameless = personalStrings({ ...clientRow, firstName: '', lastName: '' }, emails);
  const ownIds = [
    clientId, ...userIds, ...ids(sessions), ...ids(invitations), ...ids(familyLinks), ...caseIds, ...ids(events), ...ids(deadlines), ...ids(tasks),
    ...documentIds, ...ids(versions), ...ids(checklist), ...ids(notes), ...ids(intakes), ...ids(filings),
    ...ids(inquiries), ...ids(bookings), ...ids(otherParties), ...ids(designations), ...ids(legalAidEntries),
    ...ids(feeNotes), ...ids(feeNoteLines), ...ids(timeEntries), ...ids(feeItems),
  ];
  const mentions = await findMentions(tx, {
    firmId, emails, ownIds, userIds,
    needles: namesake > 0 && purpose === 'export' ? nameless : needles,
    // A portal message's email to the advisor is keyed by the note it announces.
    keys: ids(notes).map((id) => `client-message:${id}`),
    // An id inside a diff or a report (a family link's relatedClientId, an import's list of created clients).
    mentionedIds: [clientId, ...userIds, ...caseIds, ...documentIds, ...ids(inquiries)],
    reminderOutboxIds: reminders.flatMap((reminder) => (reminder.outboxId ? [reminder.outboxId] : [])),
  });

  const files: ClientFile[] = [
    ...versions.map((v): ClientFile => ({ source: 'DocumentVersion', id: v.id, storageKey: v.storageKey, fileName: v.fileName, date: v.uploadedAt, sizeBytes: v.sizeBytes, sha256: v.sha256 })),
    ...filings.flatMap((f): ClientFile[] =>
      f.packetStorageKey ? [{ source: 'AppealFiling', id: f.id, storageKey: f.packetStorageKey, fileName: 'jbox-packet.zip', date: f.builtAt ?? f.updatedAt, sizeBytes: null, sha256: null }] : [],
    ),
    ...feeNotes.flatMap((n): ClientFile[] => [
      ...(n.pdfStorageKey ? [{ source: 'FeeNote' as const, id: n.id, storageKey: n.pdfStorageKey, fileName: `${feeNoteFileBase(n)}.pdf`, date: n.createdAt, sizeBytes: null, sha256: null }] : []),
      ...(n.ublStorageKey ? [{ source: 'FeeNote' as const, id: n.id, storageKey: n.ublStorageKey, fileName: `${feeNoteFileBase(n)}.xml`, date: n.createdAt, sizeBytes: null, sha256: null }] : []),
    ]),
    ...inquiries.flatMap((i): ClientFile[] =>
      i.letterStorageKey ? [{ source: 'Inquiry', id: i.id, storageKey: i.letterStorageKey, fileName: i.letterFileName ?? 'letter', date: i.createdAt, sizeBytes: i.letterSizeBytes, sha256: i.letterSha256 }] : [],
    ),
  ];
  return {
    client,
    identity,
    portalUser: portalUser ? { id: portalUser.id, email: portalUser.email } : null,
    emails,
    needles,
    ownIds,
    files,
    tables: {
      Client: [clientRow], User: portalUser ? [portalUser] : [], Account: accounts, Session: sessions, VerificationToken: tokens, Invitation: invitations, FamilyLink: familyLinks,
      Case: cases, CaseEvent: events, Deadline: deadlines, Task: tasks, Reminder: reminders, Document: documents, DocumentVersion: versions, CaseDocument: caseDocuments,
      ChecklistItem: checklist, Note: notes, DecisionIntake: intakes, AppealFiling: filings, ...mentions,
      Inquiry: inquiryRows.map((inquiry) => inquiry.row), ConsultationBooking: bookings, OtherParty: otherParties,
      LegalAidDesignation: designations, LegalAidEntry: legalAidEntries,
      FeeNote: feeNotes, FeeNoteLine: feeNoteLines, TimeEntry: timeEntries, FeeItem: feeItems,
    },
  };
}
