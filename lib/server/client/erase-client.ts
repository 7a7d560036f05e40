import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { personalRateLimitKeys } from '@/lib/auth/rate-limit';
import { brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { EmailOutbox } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/logger';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { retentionYearsFrom } from '@/lib/server/firm/retention-period';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { collectClientData } from './client-data-rows';
import { erasureStatus } from './erasure-status';
import { maskClientMentions } from './mask-client-mentions';
import { maskConflictMatches } from './mask-conflict-matches';
import { ERASED } from './personal-masking';

export const ZEraseClient = z.object({
  clientId: z.string().min(1).max(64),
  // The admin types the client's file number: erasure cannot be undone, so a stray click must not do it.
  confirmFileNumber: z.string().trim().min(1, 'confirmFileNumber').max(40),
});

/**
 * GDPR art. 17: erases a client once the firm no longer has to keep their file. Refused, changing nothing, while
 * a case is open or the retention period runs. In one transaction: their cases (with everything hanging from
 * them), documents, notes, family links, invitations, the emails sent to them, their portal user with its sessions
 * and sign-in tokens, and their rate-limit counters are deleted; the audit log, emails to staff and import reports
 * keep their rows with the identity masked; the client row stays as a tombstone holding only the firm's file
 * number (so it is never given to someone else) and no personal value. Stored files are deleted after the commit:
 * a failed erasure deletes none.
 */
export async function eraseClient({ actor, input, context, storage = getStorage(), today = brusselsDate() }: {
  actor: StaffActor;
  input: unknown;
  context: RequestContext;
  storage?: Storage;
  today?: string;
}) {
  assertCan(actor, 'client.erase');
  const { clientId, confirmFileNumber } = parseInput(ZEraseClient, input);
  const firmId = actor.firmId;
  const { storageKeys, fileNumber } = await getDb().$transaction(
    async (tx) => {
      // Locked, with its cases, so a case reopened or a document uploaded meanwhile waits and then finds nothing.
      const [locked] = await tx.$queryRaw<{ fileNumber: string }[]>`SELECT "fileNumber" FROM "Client" WHERE "id" = ${clientId} AND "firmId" = ${firmId} AND "deletedAt" IS NULL FOR UPDATE`;
      if (!locked) throw new AppError('NOT_FOUND');
      if (locked.fileNumber !== confirmFileNumber) {
        throw new AppError('VALIDATION', { message: 'file number not confirmed', userMessage: 'dataProtection.erase.confirmMismatch', details: { fieldErrors: { confirmFileNumber: ['confirmFileNumber'] } } });
      }
      await tx.$executeRaw`SELECT 1 FROM "Case" WHERE "firmId" = ${firmId} AND "clientId" = ${clientId} FOR UPDATE`;
      const cases = await tx.case.findMany({ where: { firmId, clientId }, select: { reference: true, stage: true, closedAt: true, deletedAt: true, updatedAt: true } });
      const firm = await tx.firm.findUniqueOrThrow({ where: { id: firmId }, select: { settings: true } });
      const data = await collectClientData(tx, firmId, clientId, 'erase');
      if (!data) throw new AppError('NOT_FOUND');
      const status = erasureStatus({ cases, clientCreatedAt: data.client.createdAt, retentionYears: retentionYearsFrom(firm.settings), today });
      if (!status.erasable) {
        const userMessage = status.reason === 'openCase' ? 'dataProtection.erase.openCase' : 'dataProtection.erase.retention';
        throw new AppError('CONFLICT', { message: `client not erasable: ${status.reason}`, userMessage, exposed: status });
      }
      // Fee notes are accounting records, kept 7 years after the year of issue (art. III.86 CDE/WER); erasing the
      // client would delete them with the cases, so it waits until the newest one may go.
      const [newest] = await tx.feeNote.findMany({ where: { firmId, clientId }, orderBy: { year: 'desc' }, take: 1, select: { year: true } });
      if (newest && Number(today.slice(0, 4)) < newest.year + 8) {
        throw new AppError('CONFLICT', { message: `client has fee notes of ${newest.year}`, userMessage: 'feeNotes.errors.erasureKept', exposed: { reason: 'feeNotes', erasableFromYear: newest.year + 8 } });
      }

      const emails = new Set(data.emails);
      const addressed = new Set((data.tables.EmailOutbox as EmailOutbox[]).filter((email) => emails.has(email.toEmail.trim().toLowerCase())).map((email) => email.id));
      const masked = await maskClientMentions(tx, firmId, data, addressed);
      const conflictChecks = await maskConflictMatches(tx, firmId, { clientId, caseIds: data.tables.Case.map((row) => String(row.id)) });

      const rows = (table: keyof typeof data.tables) => data.tables[table].length;
      // What they sent before they were a client, and its booking; the other parties and legal aid go with the cases.
      await tx.inquiry.deleteMany({ where: { firmId, convertedClientId: clientId } });
      await tx.consultationBooking.deleteMany({ where: { firmId, id: { in: data.tables.ConsultationBooking.map((row) => String(row.id)) } } });
      // Cases first: their deadlines' reminders go with them, before the emails those reminders point at.
      await tx.case.deleteMany({ where: { firmId, clientId } });
      await tx.document.deleteMany({ where: { firmId, clientId } });
      await tx.note.deleteMany({ where: { firmId, clientId } });
      await tx.reminder.deleteMany({ where: { firmId, recipientKey: `client:${clientId}` } });
      await tx.familyLink.deleteMany({ where: { firmId, OR: [{ clientId }, { relatedClientId: clientId }] } });
      await tx.invitation.deleteMany({ where: { firmId, clientId } });
      await tx.emailOutbox.deleteMany({ where: { firmId, id: { in: [...addressed] } } });
      if (data.portalUser) {
        // Accounts and sessions cascade. A portal user is never staff, but the guard keeps a member's account whatever happens.
        await tx.user.deleteMany({ where: { id: data.portalUser.id, memberships: { none: {} } } });
        await tx.verificationToken.deleteMany({ where: { identifier: data.portalUser.email } });
      }
      await tx.rateLimit.deleteMany({ where: { key: { in: personalRateLimitKeys({ emails: data.emails, userIds: data.portalUser ? [data.portalUser.id] : [] }) } } });
      await tx.client.update({
        where: { id: clientId, firmId },
        data: {
          firstName: ERASED, lastName: ERASED, birthDate: null, nationality: 'XX', email: null, phone: null, addressLine: null, postalCode: null, commune: null,
          nationalRegisterNumberEnc: null, nationalRegisterNumberHash: null, passportNumberEnc: null, passportNumberHash: null,
          portalUserId: null, searchText: '', deletedAt: new Date(),
        },
      });
      await recordAudit(tx, {
        firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'client.erased', entity: 'client', entityId: clientId, context,
        after: {
          fileNumber: locked.fileNumber,
          deleted: { cases: rows('Case'), documents: rows('Document'), versions: rows('DocumentVersion'), notes: rows('Note'), emails: addressed.size, portalUser: data.portalUser ? 1 : 0, inquiries: rows('Inquiry'), bookings: rows('ConsultationBooking'), otherParties: rows('OtherParty'), legalAid: rows('LegalAidDesignation'), legalAidEntries: rows('LegalAidEntry'), feeNotes: rows('FeeNote'), timeEntries: rows('TimeEntry'), feeItems: rows('FeeItem') },
          masked,
          conflictChecks,
          files: data.files.length,
        },
      });
      return { storageKeys: data.files.map((file) => file.storageKey), fileNumber: locked.fileNumber };
    },
    { timeout: 120_000 },
  );

  const left: string[] = [];
  for (const key of storageKeys) {
    await storage.delete(key).catch((error: unknown) => {
      left.push(key);
      logger().error({ err: error, key }, 'erased client file left in storage');
    });
  }
  return { clientId, fileNumber, filesDeleted: storageKeys.length - left.length, filesLeft: left };
}
